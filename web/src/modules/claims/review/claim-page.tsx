import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { usePageTitle } from '../../../core/layout/page-title';
import { useSignedInSession } from '../../../core/session/signed-in';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { useClaim } from './api';
import { ClaimFacts } from './claim-facts';
import { ClaimHistory } from './claim-history';
import { ClaimIntegrations } from './claim-integrations';
import { ClaimTransactions } from './claim-transactions';
import { romeToday } from './days';
import { ApproveDialog, type DecisionKind, IntegrationDialog, RejectDialog } from './decision-dialogs';
import { DecisionPanel } from './decision-panel';
import { CLAIMS_REVIEW_PATH } from './paths';

/** What the queue passes to the detail: its query string, so "back" keeps the filters. */
interface ClaimPageState {
  from?: string;
}

/**
 * A claim under evaluation: its data, "Valutazione" (Approva, Rifiuta, Richiedi integrazione when
 * the server allows them), "Elenco transazioni", the integrations and the history.
 */
export default function ClaimPage() {
  const { t } = useTranslation('claims-review');
  const { claimId = '' } = useParams();
  const location = useLocation();
  const session = useSignedInSession();
  const claim = useClaim(claimId);
  const [dialog, setDialog] = useState<DecisionKind | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const title = claim.data ? t('detail.title', { number: claim.data.number }) : t('service');
  usePageTitle(title);

  const from = (location.state as ClaimPageState | null)?.from ?? '';
  const backTo = `${CLAIMS_REVIEW_PATH}${from.startsWith('?') ? from : ''}`;
  const crumbs = [{ label: t('service'), to: backTo }, { label: title }];

  if (claim.isPending) return <PageLoading />;
  // 400: not even a claim's id (the server checks its shape); 404: none, or another region's.
  if (isApiError(claim.error) && (claim.error.status === 404 || claim.error.status === 400)) return <NotFoundPage />;
  if (!claim.data) {
    return (
      <div className="container-xxl py-4 py-lg-5">
        <Breadcrumbs items={crumbs} />
        <h1>{title}</h1>
        <ProblemAlert error={claim.error} />
        <Link to={backTo}>{t('detail.back')}</Link>
      </div>
    );
  }
  const detail = claim.data;

  const close = () => setDialog(null);
  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
    // The button that opened the dialog may be gone with the new status: start again from the title.
    window.setTimeout(() => document.getElementById('claim-title')?.focus(), 0);
  };

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-3">
        <h1 id="claim-title" tabIndex={-1} className="mb-0">
          {title}
        </h1>
        <Link to={backTo} className="btn btn-outline-primary">
          {t('detail.back')}
        </Link>
      </div>
      <StatusMessage message={message} className="mb-3" />

      <ClaimFacts claim={detail} />
      <DecisionPanel
        claim={detail}
        onChoose={(kind) => {
          setMessage(null);
          setDialog(kind);
        }}
      />
      <ClaimTransactions claim={detail} />
      <ClaimIntegrations claim={detail} />
      <ClaimHistory claim={detail} />

      {dialog === 'approve' && <ApproveDialog claim={detail} onClose={close} onDone={done} />}
      {dialog === 'reject' && <RejectDialog claim={detail} onClose={close} onDone={done} />}
      {dialog === 'requestIntegration' && <IntegrationDialog claim={detail} onClose={close} onDone={done} today={romeToday(session.clock.now)} />}
    </div>
  );
}
