import { useFlash } from '../../../core/navigation/use-flash';
import { Button, Icon } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate } from '../../../lib/format';
import { type ClaimSummary, type FilingWindow, useClaims, useFilingWindow } from './api';
import { ClaimsTable } from './claims-table';
import { newClaimPath, claimPath, rectifyPath } from './paths';
import { PeriodsLegend } from './periods-legend';
import { WithdrawDialog } from './withdraw-dialog';

const PAGE_SIZE = 25;

/** What a page that sent the user to a claims page has to say ("Istanza n. 12 inserita"). */
export interface ClaimsPageState {
  message?: string;
}

/**
 * "Istanza di rimborso" (seed 000 §09): "Elenco istanze di rimborso" of the selected structure and
 * "Inserisci una nuova istanza", offered only while the filing window is open and the quadrimestre
 * has no claim yet (the server says why otherwise); the legend of the periods. The page lives in the URL.
 */
export default function ClaimsPage() {
  const { t } = useTranslation('claims-merchant');
  usePageTitle(t('service'));
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const claims = useClaims(page, PAGE_SIZE);
  const filingWindow = useFilingWindow();
  const [message, setMessage] = useState<string | null>(useFlash<string>('message') ?? null);
  const [withdrawing, setWithdrawing] = useState<ClaimSummary | null>(null);
  const data = claims.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('service') }]} />
      <h1>{t('service')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <StatusMessage message={message} className="mb-3" />

      <NewClaimEntry filing={filingWindow.data} error={filingWindow.error} />

      <section aria-labelledby="claims-title" className="mt-5">
        <h2 id="claims-title" className="h3">
          {t('list.title')}
        </h2>
        <ProblemAlert error={claims.error} />
        {claims.isPending ? (
          <PageLoading />
        ) : data && data.total === 0 ? (
          <div className="sportello-empty">
            <p className="mb-0">{t('list.empty')}</p>
          </div>
        ) : data ? (
          <>
            <ClaimsTable
              claims={data.items}
              busy={claims.isFetching}
              onAction={(entry, claim) => {
                if (entry === 'detail') navigate(claimPath(claim.id));
                else if (entry === 'rectify') navigate(rectifyPath(claim.id));
                else setWithdrawing(claim);
              }}
            />
            <Pagination
              page={Math.min(page, pages)}
              pages={pages}
              onPage={(p) => setParams(p > 1 ? { pagina: String(p) } : {})}
              label={t('list.pagination')}
              summary={`${t('pager.page', { page: Math.min(page, pages), pages })} · ${t('list.total', { count: data.total })}`}
              previousLabel={t('pager.previous')}
              nextLabel={t('pager.next')}
              pageLabel={(p) => t('pager.goToPage', { page: p })}
            />
          </>
        ) : null}
      </section>

      {withdrawing && (
        <WithdrawDialog
          claim={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(done) => {
            setWithdrawing(null);
            setMessage(done);
          }}
        />
      )}
    </div>
  );
}

/**
 * "Inserisci una nuova istanza": a link while a claim may be filed; otherwise a disabled button
 * with the server's reason beside it (window closed, quadrimestre already claimed).
 */
function NewClaimEntry({ filing, error }: { filing: FilingWindow | undefined; error: unknown }) {
  const { t } = useTranslation('claims-merchant');
  const canFile = filing?.canFile === true;
  const reason = filing && !canFile ? filing.message : null;
  return (
    <div className="sportello-panel">
      <div className="d-flex flex-wrap align-items-center gap-3">
        {canFile ? (
          <Link to={newClaimPath} className="btn btn-primary btn-icon">
            <Icon icon="it-plus" color="white" size="sm" aria-hidden="true" className="me-2" />
            {t('list.add')}
          </Link>
        ) : (
          <Button type="button" color="primary" disabled aria-describedby={reason ? 'new-claim-reason' : undefined}>
            {t('list.add')}
          </Button>
        )}
        <PeriodsLegend />
      </div>
      <div role="status" className="mt-3">
        {reason && (
          <p id="new-claim-reason" className="mb-0">
            {reason}
          </p>
        )}
        {canFile && filing && <p className="mb-0">{t('list.windowOpen', { period: filing.period.label, closes: formatDate(filing.closes) })}</p>}
      </div>
      <ProblemAlert error={error} className="mt-3 mb-0" />
    </div>
  );
}
