import { Icon, Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type MyRequestSummary, useMyRequests } from './api';
import { myRequestPath, NEW_REQUEST_PATH } from './paths';
import { RequestStatusBadge } from './request-status-badge';

const PAGE_SIZE = 20;

/**
 * "Le mie richieste di assistenza": what the signed-in citizen filed, newest first — number,
 * service, status, date — each leading to its thread. The page lives in the URL (?pagina=).
 */
export default function MyRequestsPage() {
  const { t } = useTranslation('helpdesk-citizen');
  const title = t('myRequests.title');
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const requests = useMyRequests(page, PAGE_SIZE);
  const data = requests.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: title }]} />
      <h1>{title}</h1>
      <p className="lead">{t('myRequests.intro')}</p>
      <Link to={NEW_REQUEST_PATH} className="btn btn-primary btn-icon mb-4">
        <Icon icon="it-plus" color="white" size="sm" aria-hidden="true" className="me-2" />
        {t('myRequests.add')}
      </Link>
      <ProblemAlert error={requests.error} />
      {requests.isPending ? (
        <PageLoading />
      ) : data && data.total === 0 ? (
        <div className="sportello-empty">
          <p className="mb-2">{t('myRequests.empty')}</p>
          <p className="mb-0">
            {t('myRequests.emptyHint')} <Link to={NEW_REQUEST_PATH}>{t('myRequests.add')}</Link>
          </p>
        </div>
      ) : data ? (
        <>
          <MyRequestsTable requests={data.items} busy={requests.isFetching} />
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={(p) => setParams(p > 1 ? { pagina: String(p) } : {})}
            label={t('myRequests.pagination')}
            summary={`${t('pager.page', { page: Math.min(page, pages), pages })} · ${t('myRequests.total', { count: data.total })}`}
            previousLabel={t('pager.previous')}
            nextLabel={t('pager.next')}
            pageLabel={(p) => t('pager.goToPage', { page: p })}
          />
        </>
      ) : null}
    </div>
  );
}

function MyRequestsTable({ requests, busy }: { requests: MyRequestSummary[]; busy: boolean }) {
  const { t } = useTranslation('helpdesk-citizen');
  return (
    <Table responsive className="sportello-table align-middle mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{t('myRequests.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('myRequests.number')}</th>
          <th scope="col">{t('myRequests.service')}</th>
          <th scope="col">{t('myRequests.category')}</th>
          <th scope="col">{t('myRequests.status')}</th>
          <th scope="col">{t('myRequests.createdAt')}</th>
          <th scope="col">{t('myRequests.updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            <th scope="row" className="fw-normal text-nowrap">
              <Link to={myRequestPath(request.id)}>{t('myRequests.numberValue', { number: request.number })}</Link>
            </th>
            <td>{request.service}</td>
            <td>{request.category}</td>
            <td>
              <RequestStatusBadge status={request.status} label={request.statusLabel} />
            </td>
            <td className="text-nowrap">{formatDate(request.createdAt)}</td>
            <td className="text-nowrap">{formatDateTime(request.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
