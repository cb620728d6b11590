import { useFlash } from '../../../core/navigation/use-flash';
import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate, formatDateTime, formatEuro } from '../../../lib/format';
import { type BatchCreated, pain001Url, useBatches } from './api';
import { CLAIMS_REVIEW_PATH } from './paths';
import { ReviewTabs } from './review-tabs';

const PAGE_SIZE = 20;

/** What the batch form passes here after forwarding: the new batch, to offer its file. */
export interface BatchesPageState {
  created?: BatchCreated;
}

/** "Decreti di pagamento": the batches forwarded so far, newest first, each with its SEPA file. */
export default function BatchesPage() {
  const { t } = useTranslation('claims-review');
  usePageTitle(t('batches.title'));
  const location = useLocation();
  const created = useFlash<BatchesPageState['created']>('created');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const batches = useBatches(page, PAGE_SIZE);
  const data = batches.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('service'), to: CLAIMS_REVIEW_PATH }, { label: t('batches.title') }]} />
      <h1>{t('batches.title')}</h1>
      <p className="lead">{t('batches.intro')}</p>
      <ReviewTabs current="batches" />

      <StatusMessage message={created ? t('batches.created', { messageId: created.messageId }) : null} className="mb-3" />
      {created && (
        <p className="mb-4">
          <a className="btn btn-primary" href={pain001Url(created.id)} download>
            {t('batches.download')}
            <span className="visually-hidden"> {t('batches.downloadOf', { messageId: created.messageId })}</span>
          </a>
        </p>
      )}
      <p>
        {t('batches.howTo')} <Link to={`${CLAIMS_REVIEW_PATH}?stato=approvata`}>{t('batches.howToLink')}</Link>
      </p>

      <ProblemAlert error={batches.error} />
      {batches.isPending ? (
        <PageLoading />
      ) : data && data.total === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('batches.empty')}</p>
        </div>
      ) : data ? (
        <>
          <Table responsive className="sportello-table mb-0" aria-busy={batches.isFetching || undefined}>
            <caption className="visually-hidden">{t('batches.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('batches.column.createdAt')}</th>
                <th scope="col">{t('batches.column.messageId')}</th>
                <th scope="col" className="text-end">
                  {t('batches.column.claims')}
                </th>
                <th scope="col" className="text-end">
                  {t('batches.column.total')}
                </th>
                <th scope="col">{t('batches.column.executionDate')}</th>
                <th scope="col">{t('batches.column.file')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((batch) => (
                <tr key={batch.id}>
                  <td className="text-nowrap">{formatDateTime(batch.createdAt)}</td>
                  <th scope="row" className="fw-normal font-monospace">
                    {batch.messageId}
                  </th>
                  <td className="text-end">{batch.claimCount.toLocaleString('it-IT')}</td>
                  <td className="text-end text-nowrap">{formatEuro(batch.controlSumCents)}</td>
                  <td className="text-nowrap">{formatDate(batch.executionDate)}</td>
                  <td className="text-nowrap">
                    <a href={pain001Url(batch.id)} download>
                      {t('batches.download')}
                      <span className="visually-hidden"> {t('batches.downloadOf', { messageId: batch.messageId })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={(p) => setParams(p > 1 ? { pagina: String(p) } : {})}
            label={t('batches.pagination')}
            summary={`${t('batches.page', { page: Math.min(page, pages), pages })} · ${t('batches.total', { count: data.total })}`}
            previousLabel={t('queue.previous')}
            nextLabel={t('queue.next')}
            pageLabel={(p) => t('queue.goToPage', { page: p })}
          />
        </>
      ) : null}
    </div>
  );
}
