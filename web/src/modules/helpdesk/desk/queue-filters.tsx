import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../core/ui/select-field';
import { TextField } from '../../../core/ui/text-field';
import { type Choice, type Operator, QUEUE_AGES, QUEUE_SORTS, type QueueAge, type QueueSort, REQUEST_STATUSES } from './api';
import { ALL_STATUSES, DEFAULT_SORT, MAX_QUERY_LENGTH, normaliseQuery, type QueueSearch, type StatusChoice } from './queue-search';

interface QueueFiltersProps {
  search: QueueSearch;
  categories: Choice[];
  operators: Operator[];
  onApply: (search: QueueSearch) => void;
}

interface Draft {
  status: string;
  category: string;
  assignee: string;
  age: string;
  q: string;
  sort: string;
}

const draftOf = (search: QueueSearch): Draft => ({
  status: search.status === ALL_STATUSES ? '' : search.status,
  category: search.category ?? '',
  assignee: search.assignee ?? '',
  age: search.age ?? '',
  q: search.q ?? '',
  sort: search.sort,
});

/**
 * Cerca, Stato, Tipologia, Assegnatario, Età, Ordina per. Applied with the button, not on every
 * change, so the table does not move under the operator while he chooses. The caller keys it by
 * the applied search, so a change made elsewhere (a count button, the browser's back) resets it.
 */
export function QueueFilters({ search, categories, operators, onApply }: QueueFiltersProps) {
  const { t } = useTranslation('helpdesk-desk');
  const [draft, setDraft] = useState<Draft>(() => draftOf(search));
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      status: (draft.status || ALL_STATUSES) as StatusChoice,
      category: draft.category || undefined,
      assignee: draft.assignee || undefined,
      age: (draft.age || undefined) as QueueAge | undefined,
      q: normaliseQuery(draft.q),
      sort: (draft.sort || DEFAULT_SORT) as QueueSort,
      page: 1,
    });
  };

  // Choices in the URL that the lists do not hold (yet): keep them visible.
  const categoryOptions = categories.map((c) => ({ value: c.code, label: c.label }));
  if (draft.category && !categories.some((c) => c.code === draft.category)) categoryOptions.push({ value: draft.category, label: draft.category });
  const operatorOptions = [
    { value: 'me', label: t('queue.assigneeMe') },
    { value: 'none', label: t('queue.assigneeNone') },
    ...operators.map((o) => ({ value: o.id, label: o.name })),
  ];
  if (draft.assignee && !operatorOptions.some((o) => o.value === draft.assignee)) operatorOptions.push({ value: draft.assignee, label: t('queue.assigneeOther') });

  return (
    <form noValidate role="search" onSubmit={submit} aria-labelledby="queue-filters-title" className="sportello-panel mb-4">
      <h2 id="queue-filters-title" className="h5 mb-4">
        {t('queue.filters')}
      </h2>
      <div className="row g-3 align-items-end">
        <div className="col-12 col-xl-6">
          <TextField
            id="queue-search"
            type="search"
            label={t('queue.search')}
            value={draft.q}
            onChange={set('q')}
            maxLength={MAX_QUERY_LENGTH}
            hint={t('queue.searchHint')}
            className="mb-0"
          />
        </div>
        <div className="col-12 col-md-6 col-xl-3">
          <SelectField
            id="queue-sort"
            label={t('queue.sort')}
            emptyLabel={t('queue.sorts.newest')}
            options={QUEUE_SORTS.filter((s) => s !== 'newest').map((s) => ({ value: s, label: t(`queue.sorts.${s}`) }))}
            value={draft.sort === 'newest' ? '' : draft.sort}
            onChange={(value) => set('sort')(value || 'newest')}
            className="mb-0"
          />
        </div>
        <div className="col-12 col-md-6 col-xl-3">
          <SelectField
            id="queue-status"
            label={t('queue.status')}
            emptyLabel={t('status.tutte')}
            options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={draft.status}
            onChange={set('status')}
            className="mb-0"
          />
        </div>
        <div className="col-12 col-md-6 col-xl-4">
          <SelectField id="queue-category" label={t('queue.category')} emptyLabel={t('queue.anyCategory')} options={categoryOptions} value={draft.category} onChange={set('category')} className="mb-0" />
        </div>
        <div className="col-12 col-md-6 col-xl-4">
          <SelectField id="queue-assignee" label={t('queue.assignee')} emptyLabel={t('queue.anyAssignee')} options={operatorOptions} value={draft.assignee} onChange={set('assignee')} className="mb-0" />
        </div>
        <div className="col-12 col-md-6 col-xl-4">
          <SelectField
            id="queue-age"
            label={t('queue.age')}
            emptyLabel={t('queue.anyAge')}
            options={QUEUE_AGES.map((a) => ({ value: a, label: t(`queue.ages.${a}`) }))}
            value={draft.age}
            onChange={set('age')}
            className="mb-0"
          />
        </div>
        <div className="col-12 d-flex flex-wrap gap-2">
          <Button type="submit" color="primary">
            {t('queue.apply')}
          </Button>
          <Button type="button" color="primary" outline onClick={() => onApply({ status: ALL_STATUSES, sort: DEFAULT_SORT, page: 1 })}>
            {t('queue.reset')}
          </Button>
        </div>
      </div>
    </form>
  );
}
