import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { useSignedInSession } from '../../../core/session/signed-in';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { formatEuro } from '../../../lib/format';
import { type QueueRow, useQueue } from './api';
import { ClaimsTable } from './claims-table';
import { romeToday } from './days';
import { newBatchPath } from './paths';
import { QueueFilters } from './queue-filters';
import { type QueueSearch, queueFilterOf, readQueueSearch, type StatusChoice, writeQueueSearch, yearChoices } from './queue-search';
import { ReviewTabs } from './review-tabs';
import { StatusCounts } from './status-counts';

const PAGE_SIZE = 25;

/**
 * "Istanze di rimborso da valutare": the region's queue, filtered by status, period and merchant
 * (all in the URL), with the counts per status; filtered by "Approvata", the claims can be chosen
 * and forwarded for the payment decree.
 */
export default function QueuePage() {
  const { t } = useTranslation('claims-review');
  usePageTitle(t('queue.title'));
  const navigate = useNavigate();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const search = readQueueSearch(params);
  const filter = queueFilterOf(search);
  const queue = useQueue(filter, search.page, PAGE_SIZE);
  const data = queue.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const years = yearChoices(Number(romeToday(session.clock.now).slice(0, 4)), search.year);

  // The approved claims chosen for the payment decree, across pages (amount kept for the total).
  const [selected, setSelected] = useState<Map<string, QueueRow>>(new Map());
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const selecting = search.status === 'approvata';

  const apply = (next: QueueSearch) => {
    if (next.status !== 'approvata') setSelected(new Map());
    setSelectionError(null);
    setParams(writeQueueSearch(next));
  };
  const chooseStatus = (status: StatusChoice) => apply({ ...search, status, page: 1 });

  const toggle = (row: QueueRow) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row);
      return next;
    });
  const togglePage = (rows: QueueRow[], select: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (select) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  const selectedTotal = [...selected.values()].reduce((sum, row) => sum + row.amountCents, 0);

  const forward = () => {
    if (selected.size === 0) {
      setSelectionError(t('queue.noneSelected'));
      return;
    }
    navigate(newBatchPath([...selected.keys()]));
  };

  const statusName = t(`status.${search.status}`);
  const filtersKey = writeQueueSearch({ ...search, page: 1 }).toString();

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('service') }]} />
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      <ReviewTabs current="claims" />

      <QueueFilters key={filtersKey} search={search} years={years} merchants={data?.merchants ?? []} onApply={apply} />
      {data && <StatusCounts counts={data.counts} current={search.status} onChoose={chooseStatus} />}

      <ProblemAlert error={queue.error} />
      {queue.isPending ? (
        <PageLoading />
      ) : data ? (
        <section aria-labelledby="queue-results">
          <h2 id="queue-results" className="visually-hidden">
            {t('queue.caption', { status: statusName })}
          </h2>
          {selecting && (
            <div className="sportello-panel mb-3">
              <h3 className="h5">{t('queue.forwardTitle')}</h3>
              <p>{t('queue.forwardIntro')}</p>
              <p className="mb-2 fw-semibold" role="status" aria-live="polite">
                {t('queue.selected', { count: selected.size, amount: formatEuro(selectedTotal) })}
              </p>
              {selectionError && (
                <div className="alert alert-danger" role="alert">
                  {selectionError}
                </div>
              )}
              <div className="d-flex flex-wrap gap-2">
                <Button type="button" color="primary" onClick={forward}>
                  {t('queue.forward')}
                </Button>
                {selected.size > 0 && (
                  <Button type="button" color="primary" outline onClick={() => setSelected(new Map())}>
                    {t('queue.clearSelection')}
                  </Button>
                )}
              </div>
            </div>
          )}
          {!selecting && (data.counts.approvata ?? 0) > 0 && <p className="small">{t('queue.forwardHint')}</p>}
          {data.items.length === 0 ? (
            <div className="sportello-empty">
              <p className="mb-0">{t('queue.empty')}</p>
            </div>
          ) : (
            <>
              <ClaimsTable
                rows={data.items}
                caption={t('queue.caption', { status: statusName })}
                busy={queue.isFetching}
                backSearch={params.toString() ? `?${params.toString()}` : ''}
                selection={selecting ? { isSelected: (id) => selected.has(id), onToggle: toggle, onTogglePage: togglePage } : undefined}
              />
              <Pagination
                page={Math.min(search.page, pages)}
                pages={pages}
                onPage={(page) => setParams(writeQueueSearch({ ...search, page }))}
                label={t('queue.pagination')}
                summary={`${t('queue.page', { page: Math.min(search.page, pages), pages })} · ${t('queue.total', { count: data.total })}`}
                previousLabel={t('queue.previous')}
                nextLabel={t('queue.next')}
                pageLabel={(page) => t('queue.goToPage', { page })}
              />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
