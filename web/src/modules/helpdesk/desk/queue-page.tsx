import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { hasService } from '../../../core/session/session';
import { useSignedInSession } from '../../../core/session/signed-in';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { useQueue } from './api';
import { HELPDESK_SUPERVISION_PATH, HELPDESK_SUPERVISION_SERVICE } from './paths';
import { QueueFilters } from './queue-filters';
import { hasNarrowingFilters, type QueueSearch, queueFilterOf, readQueueSearch, type StatusChoice, writeQueueSearch } from './queue-search';
import { RequestsTable } from './requests-table';
import { StatusCounts } from './status-counts';
import './desk.css';

const PAGE_SIZE = 25;

/** What the detail passes back after a request left this queue (forwarded, "non di competenza"). */
export interface QueuePageState {
  message?: string;
}

/**
 * "Richieste di assistenza": the queue of the current structure — an ASR's requests, or at a
 * region the requests its ASRs marked "non di competenza" — with counts per status, filters,
 * search, sort and pages, all in the URL.
 */
export default function QueuePage() {
  const { t } = useTranslation('helpdesk-desk');
  const session = useSignedInSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = readQueueSearch(params);
  const queue = useQueue(queueFilterOf(search), search.page, PAGE_SIZE);
  const data = queue.data;
  const regional = data ? data.isRegionalDesk : session.structure?.kind === 'region';
  const title = regional ? t('queue.titleRegional') : t('queue.title');
  usePageTitle(title);

  // A message left by the detail: shown once, then dropped from the history entry.
  const [message] = useState<string | null>(() => (location.state as QueuePageState | null)?.message ?? null);
  useEffect(() => {
    if ((location.state as QueuePageState | null)?.message) navigate({ search: location.search }, { replace: true, state: null });
  }, [location.state, location.search, navigate]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const apply = (next: QueueSearch) => setParams(writeQueueSearch(next));
  const chooseStatus = (status: StatusChoice) => apply({ ...search, status, page: 1 });
  const filtersKey = writeQueueSearch({ ...search, page: 1 }).toString();
  const statusName = t(`status.${search.status}`);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('service') }]} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-2">
        <h1 className="mb-0">{title}</h1>
        {hasService(session, HELPDESK_SUPERVISION_SERVICE) && (
          <Link to={HELPDESK_SUPERVISION_PATH} className="btn btn-outline-primary">
            {t('queue.toSupervision')}
          </Link>
        )}
      </div>
      <p className="lead">{regional ? t('queue.introRegional') : t('queue.intro', { structure: session.structure?.name ?? '' })}</p>
      <StatusMessage message={message} className="mb-3" />

      <QueueFilters key={filtersKey} search={search} categories={data?.categories ?? []} operators={data?.operators ?? []} onApply={apply} />
      {data && <StatusCounts counts={data.counts} current={search.status} onChoose={chooseStatus} />}

      <ProblemAlert error={queue.error} />
      {queue.isPending ? (
        <PageLoading />
      ) : data ? (
        <section aria-labelledby="queue-results">
          <h2 id="queue-results" className="visually-hidden">
            {t('queue.caption', { status: statusName })}
          </h2>
          {search.sort === 'relevance' && !search.q && <p className="small">{t('queue.relevanceHint')}</p>}
          {data.items.length === 0 ? (
            <div className="sportello-empty">
              <p className="mb-0">{search.q || hasNarrowingFilters(search) ? t('queue.emptyFiltered') : t('queue.empty')}</p>
            </div>
          ) : (
            <>
              <RequestsTable
                rows={data.items}
                caption={t('queue.caption', { status: statusName })}
                busy={queue.isFetching}
                backSearch={params.toString() ? `?${params.toString()}` : ''}
              />
              <Pagination
                page={Math.min(search.page, pages)}
                pages={pages}
                onPage={(page) => apply({ ...search, page })}
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
