import { isApiError } from '../../../core/api/api-error';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { useFlash } from '../../../core/navigation/use-flash';
import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate, formatEuro } from '../../../lib/format';
import { type ClaimDetail, useClaim, useClaimTransactions } from './api';
import type { ClaimsPageState } from './claims-page';
import { ClaimStatusBadge } from './claim-status-badge';
import { groupIban } from './contact-fields';
import { HistoryTable } from './history-table';
import { IntegrationSection } from './integration-section';
import { CLAIMS_MERCHANT_PATH, rectifyPath } from './paths';
import { ReadOnlyFacts } from './read-only-facts';
import { TRANSACTIONS_PAGE_SIZE, TransactionsSection } from './transactions-section';
import { WithdrawDialog } from './withdraw-dialog';

/**
 * The detail of a claim (seed 000 §09): its data, "Integrazione" when the region asked for it,
 * "Elenco transazioni", the history of its statuses, and what may be done: "Rettifica", "Annulla istanza".
 */
export default function ClaimPage() {
  const { t } = useTranslation('claims-merchant');
  const { claimId = '' } = useParams();
  const location = useLocation();
  const claim = useClaim(claimId);
  const [message, setMessage] = useState<string | null>(useFlash<string>('message') ?? null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = claim.data ? t('detail.title', { number: claim.data.number }) : t('detail.notFound');
  usePageTitle(title);

  const crumbs = [{ label: t('service'), to: CLAIMS_MERCHANT_PATH }, { label: title }];
  if (claim.isPending) return <PageLoading />;
  // Missing, not this structure's, or not an id at all: the same page as any unknown address.
  if (isApiError(claim.error) && (claim.error.status === 404 || claim.error.status === 400)) return <NotFoundPage />;
  if (!claim.data) {
    return (
      <div className="container-xxl py-4 py-lg-5">
        <Breadcrumbs items={crumbs} />
        <h1>{title}</h1>
        <ProblemAlert error={claim.error} />
        <Link to={CLAIMS_MERCHANT_PATH}>{t('create.back')}</Link>
      </div>
    );
  }

  // The button that opened a dialog may be gone once it is done (a withdrawn claim has no actions):
  // the heading takes the focus, and the message is read from the status region below it.
  const announce = (text: string) => {
    setMessage(text);
    window.setTimeout(() => headingRef.current?.focus(), 0);
  };

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
        <h1 ref={headingRef} tabIndex={-1} className="mb-0 sportello-focus-target">
          {title}
        </h1>
        <ClaimStatusBadge status={claim.data.status} label={claim.data.statusLabel} withName />
      </div>
      <StatusMessage message={message} className="mb-3" />
      <ClaimBody claim={claim.data} onDone={announce} />
    </div>
  );
}

function ClaimBody({ claim, onDone }: { claim: ClaimDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('claims-merchant');
  const [withdrawing, setWithdrawing] = useState(false);
  const [page, setPage] = useState(1);
  const transactions = useClaimTransactions(claim.id, page, TRANSACTIONS_PAGE_SIZE);
  const canRectify = claim.actions.rectifyIban || claim.actions.rectifyEmail;

  return (
    <>
      {(canRectify || claim.actions.withdraw) && (
        <div className="d-flex flex-wrap gap-3 mb-4">
          {canRectify && (
            <Link to={rectifyPath(claim.id)} className="btn btn-primary">
              {t('action.rectify')}
            </Link>
          )}
          {claim.actions.withdraw && (
            <Button type="button" color="danger" outline onClick={() => setWithdrawing(true)}>
              {t('action.withdraw')}
            </Button>
          )}
        </div>
      )}

      <section aria-labelledby="claim-facts-title" className="sportello-panel">
        <h2 id="claim-facts-title" className="h3">
          {t('detail.facts')}
        </h2>
        <ReadOnlyFacts
          className="mb-0"
          facts={[
            [t('detail.status'), claim.statusLabel],
            [t('detail.period'), claim.period.label],
            [t('detail.requestedAt'), formatDate(claim.requestedAt)],
            [t('detail.region'), claim.regionName ?? '—'],
            [t('create.amount'), formatEuro(claim.amountCents)],
            [t('create.count'), String(claim.purchaseCount)],
            [t('create.from'), formatDate(claim.transactionsFrom)],
            [t('create.to'), formatDate(claim.transactionsTo)],
            [t('detail.iban'), <span className="font-monospace">{groupIban(claim.iban)}</span>],
            [t('detail.email'), claim.email],
            ...(claim.rejectionReason ? [[t('detail.rejectionReason'), claim.rejectionReason] as [string, string]] : []),
          ]}
        />
      </section>

      {claim.integration && <IntegrationSection claim={claim} integration={claim.integration} onSubmitted={onDone} />}

      <TransactionsSection
        caption={t('transactions.caption', { number: claim.number })}
        query={transactions}
        page={page}
        onPage={setPage}
        claimId={claim.id}
      />

      <HistoryTable history={claim.history} />

      {withdrawing && (
        <WithdrawDialog
          claim={claim}
          onClose={() => setWithdrawing(false)}
          onDone={(done) => {
            setWithdrawing(false);
            onDone(done);
          }}
        />
      )}
    </>
  );
}
