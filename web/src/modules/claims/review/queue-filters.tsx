import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../core/ui/select-field';
import { CLAIM_STATUSES } from './api';
import { ALL_STATUSES, DEFAULT_STATUS, type QueueSearch, type StatusChoice } from './queue-search';

interface QueueFiltersProps {
  search: QueueSearch;
  years: number[];
  merchants: { id: string; name: string }[];
  onApply: (search: QueueSearch) => void;
}

interface Draft {
  status: string;
  year: string;
  index: string;
  merchantId: string;
}

const draftOf = (search: QueueSearch): Draft => ({
  status: search.status,
  year: search.year === undefined ? '' : String(search.year),
  index: search.index === undefined ? '' : String(search.index),
  merchantId: search.merchantId ?? '',
});

/**
 * Stato, Periodo (anno + quadrimestre), Esercente. Applied with the button, not on every change:
 * the table below re-renders, and choosing in a select should not move things under the user.
 * The caller keys it by the applied search, so a change made elsewhere (a count button, the
 * browser's back) resets the draft.
 */
export function QueueFilters({ search, years, merchants, onApply }: QueueFiltersProps) {
  const { t } = useTranslation('claims-review');
  const [draft, setDraft] = useState<Draft>(() => draftOf(search));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      status: (draft.status || ALL_STATUSES) as StatusChoice,
      year: draft.year ? Number(draft.year) : undefined,
      index: draft.index ? Number(draft.index) : undefined,
      merchantId: draft.merchantId || undefined,
      page: 1,
    });
  };

  const merchantKnown = !draft.merchantId || merchants.some((m) => m.id === draft.merchantId);
  return (
    <form noValidate onSubmit={submit} aria-labelledby="queue-filters-title" className="sportello-panel mb-4">
      <h2 id="queue-filters-title" className="h5 mb-4">
        {t('queue.filters')}
      </h2>
      <div className="row g-3 align-items-end">
        <div className="col-12 col-md-6 col-xl-3">
          <SelectField
            id="queue-status"
            label={t('queue.status')}
            emptyLabel={t('status.tutte')}
            options={CLAIM_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            value={draft.status === ALL_STATUSES ? '' : draft.status}
            onChange={(status) => setDraft((d) => ({ ...d, status: status || ALL_STATUSES }))}
            className="mb-0"
          />
        </div>
        <fieldset className="col-12 col-md-6 col-xl-5">
          <legend className="visually-hidden">{t('queue.period')}</legend>
          <div className="row g-3">
            <div className="col-5">
              <SelectField
                id="queue-year"
                label={`${t('queue.period')}: ${t('queue.year')}`}
                emptyLabel={t('queue.anyYear')}
                options={years.map((y) => ({ value: String(y), label: String(y) }))}
                value={draft.year}
                onChange={(year) => setDraft((d) => ({ ...d, year }))}
                className="mb-0"
              />
            </div>
            <div className="col-7">
              <SelectField
                id="queue-quarter"
                label={t('queue.quarter')}
                emptyLabel={t('queue.anyQuarter')}
                options={(['1', '2', '3'] as const).map((index) => ({ value: index, label: t(`queue.quarters.${index}`) }))}
                value={draft.index}
                onChange={(index) => setDraft((d) => ({ ...d, index }))}
                className="mb-0"
              />
            </div>
          </div>
        </fieldset>
        <div className="col-12 col-xl-4">
          <SelectField
            id="queue-merchant"
            label={t('queue.merchant')}
            emptyLabel={t('queue.anyMerchant')}
            options={[
              ...merchants.map((m) => ({ value: m.id, label: m.name })),
              // a merchant in the URL that the list does not hold (yet): keep the choice visible
              ...(merchantKnown ? [] : [{ value: draft.merchantId, label: draft.merchantId }]),
            ]}
            value={draft.merchantId}
            onChange={(merchantId) => setDraft((d) => ({ ...d, merchantId }))}
            className="mb-0"
          />
        </div>
        <div className="col-12 d-flex flex-wrap gap-2">
          <Button type="submit" color="primary">
            {t('queue.apply')}
          </Button>
          <Button type="button" color="primary" outline onClick={() => onApply({ status: DEFAULT_STATUS, page: 1 })}>
            {t('queue.reset')}
          </Button>
        </div>
      </div>
    </form>
  );
}
