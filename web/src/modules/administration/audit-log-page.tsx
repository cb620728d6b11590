import { Button, Col, Row } from 'design-react-kit';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../core/layout/page-title';
import { useSignedInSession } from '../../core/session/signed-in';
import { Breadcrumbs } from '../../core/ui/breadcrumbs';
import { PageLoading } from '../../core/ui/page-loading';
import { Pagination } from '../../core/ui/pagination';
import { fieldError, ProblemAlert } from '../../core/ui/problem-alert';
import { SelectField } from '../../core/ui/select-field';
import { TextField } from '../../core/ui/text-field';
import { FISCAL_CODE_LENGTH, normaliseFiscalCode } from '../../lib/fiscal-code';
import { useAuditActions, useAuditLog } from './api';
import { isKnownAction } from './audit-labels';
import { AuditTable } from './audit-table';

const PAGE_SIZE = 25;

interface Filters {
  person: string;
  structureId: string;
  action: string;
  from: string;
  to: string;
}

/** The filters live in the URL, in Italian like the rest of the app's addresses. */
const PARAMS: Record<keyof Filters, string> = { person: 'persona', structureId: 'struttura', action: 'azione', from: 'dal', to: 'al' };
const FIELD_IDS: Record<keyof Filters, string> = {
  person: 'audit-person',
  structureId: 'audit-structure',
  action: 'audit-action',
  from: 'audit-from',
  to: 'audit-to',
};
const FILTER_KEYS = Object.keys(PARAMS) as (keyof Filters)[];

function filtersFrom(params: URLSearchParams): Filters {
  const get = (key: keyof Filters) => params.get(PARAMS[key])?.trim() ?? '';
  return { person: normaliseFiscalCode(get('person')), structureId: get('structureId'), action: get('action'), from: get('from'), to: get('to') };
}

/**
 * "Registro attività" (administrators): who did what, when. Filters by person (codice fiscale),
 * structure, action and period, kept in the URL (?persona=&struttura=&azione=&dal=&al=&pagina=)
 * so back/forward and reload keep them; 25 rows a page; each row's details on demand.
 */
export default function AuditLogPage() {
  const { t } = useTranslation('administration');
  usePageTitle(t('audit.title'));
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => filtersFrom(params), [params]);
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const [form, setForm] = useState<Filters>(applied);
  const [personError, setPersonError] = useState<string | undefined>();

  const log = useAuditLog({ ...applied, page, pageSize: PAGE_SIZE });
  const actions = useAuditActions();

  // A new search, back/forward: the form shows the filters of the URL.
  useEffect(() => {
    setForm(applied);
    setPersonError(undefined);
  }, [applied]);

  const go = useCallback(
    (filters: Filters, nextPage = 1) => {
      const search = new URLSearchParams();
      for (const key of FILTER_KEYS) if (filters[key]) search.set(PARAMS[key], filters[key]);
      if (nextPage > 1) search.set('pagina', String(nextPage));
      setParams(search);
    },
    [setParams],
  );

  const set = (key: keyof Filters) => (value: string) => {
    setForm((f) => ({ ...f, [key]: key === 'person' ? normaliseFiscalCode(value) : value }));
    if (key === 'person') setPersonError(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.person && form.person.length !== FISCAL_CODE_LENGTH) {
      setPersonError(t('audit.personLength'));
      document.getElementById(FIELD_IDS.person)?.focus();
      return;
    }
    go(form);
  };

  const anyFilter = FILTER_KEYS.some((k) => applied[k]);

  const actionLabel = useCallback((action: string) => (isKnownAction(action) ? t(`action.${action}`) : action), [t]);
  const actionOptions = useMemo(() => {
    const codes = [...(actions.data ?? [])];
    // An action in the URL stays selectable even if the log does not (yet) list it.
    if (applied.action && !codes.includes(applied.action)) codes.push(applied.action);
    return codes.map((code) => ({ value: code, label: actionLabel(code) })).sort((a, b) => a.label.localeCompare(b.label, 'it'));
  }, [actions.data, applied.action, actionLabel]);

  const structures = useMemo(() => [...session.structures].sort((a, b) => a.name.localeCompare(b.name, 'it')), [session.structures]);
  const structureName = useCallback((id: string) => session.structures.find((s) => s.id === id)?.name, [session.structures]);

  // The server checks the period (e.g. "Al" before "Dal"): its message goes under the field.
  const errorOf = (key: keyof Filters) => (key === 'person' ? personError : undefined) ?? fieldError(log.error, key);

  const data = log.isError ? undefined : log.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const shownPage = Math.min(page, pages);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('audit.title') }]} />
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>

      <form role="search" aria-labelledby="audit-filters" noValidate onSubmit={submit} className="sportello-panel mb-4">
        <h2 id="audit-filters" className="h4 mb-4">
          {t('audit.filters')}
        </h2>
        <Row>
          <Col xs={12} lg={4}>
            <TextField
              id={FIELD_IDS.person}
              label={t('audit.person')}
              value={form.person}
              onChange={set('person')}
              error={errorOf('person')}
              hint={t('audit.personHint')}
              maxLength={FISCAL_CODE_LENGTH}
              autoComplete="off"
              spellCheck={false}
              className="mb-4 sportello-monospace-input"
            />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <SelectField
              id={FIELD_IDS.structureId}
              label={t('audit.structure')}
              emptyLabel={t('audit.all')}
              className="mb-4"
              options={structures.map((s) => ({ value: s.id, label: s.name }))}
              value={form.structureId}
              onChange={set('structureId')}
              error={errorOf('structureId')}
            />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <SelectField
              id={FIELD_IDS.action}
              label={t('audit.action')}
              emptyLabel={t('audit.all')}
              className="mb-4"
              options={actionOptions}
              value={form.action}
              onChange={set('action')}
              error={errorOf('action')}
            />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <TextField id={FIELD_IDS.from} type="date" label={t('audit.from')} value={form.from} onChange={set('from')} error={errorOf('from')} />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <TextField id={FIELD_IDS.to} type="date" label={t('audit.to')} value={form.to} onChange={set('to')} error={errorOf('to')} />
          </Col>
        </Row>
        <div className="d-flex flex-wrap gap-2">
          <Button type="submit" color="primary">
            {t('audit.search')}
          </Button>
          {anyFilter && (
            <Button type="button" color="primary" outline onClick={() => go({ person: '', structureId: '', action: '', from: '', to: '' })}>
              {t('audit.reset')}
            </Button>
          )}
        </div>
      </form>

      <section aria-labelledby="audit-results">
        <h2 id="audit-results" className="h4">
          {t('audit.results')}
        </h2>
        <ProblemAlert error={log.error ?? actions.error} />
        {log.isPending ? (
          <PageLoading />
        ) : data && data.items.length === 0 ? (
          <div className="sportello-empty" role="status">
            <p className="mb-0">{anyFilter ? t('audit.emptySearch') : t('audit.empty')}</p>
          </div>
        ) : data ? (
          <>
            <AuditTable entries={data.items} busy={log.isFetching} actionLabel={actionLabel} structureName={structureName} />
            <Pagination
              page={shownPage}
              pages={pages}
              onPage={(p) => go(applied, p)}
              label={t('audit.pagination')}
              summary={`${t('audit.page', { page: shownPage, pages })} · ${t('audit.total', { count: data.total })}`}
              previousLabel={t('audit.previous')}
              nextLabel={t('audit.next')}
              pageLabel={(p) => t('audit.goToPage', { page: p })}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
