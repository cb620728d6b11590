import { useFlash } from '../../../core/navigation/use-flash';
import { Alert, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { useStructureSession } from '../../../core/session/signed-in';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate } from '../../../lib/format';
import { receiptUrl, useVoucher } from './api';
import { authorisePath, cancellationPath, purchasePath, SERVICE_PATH } from './paths';
import { TransactionsTable } from './transactions-table';
import { VoucherSummary } from './voucher-summary';

/** What a page that sent the user back here has to say ("Acquisto … confermato"). */
export interface VoucherPageState {
  message?: string;
}

/** "Voucher Beneficiario" (seed 000 §05): the voucher, "Usa per acquisto", "Transazioni per esercente". */
export default function VoucherPage() {
  const { t } = useTranslation('vouchers-merchant');
  usePageTitle(t('voucher.title'));
  const { voucherId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useStructureSession();
  const view = useVoucher(voucherId);
  const message = useFlash<string>('message') ?? null;

  const crumbs = [{ label: t('service'), to: SERVICE_PATH }, { label: t('voucher.title') }];
  if (view.isPending) return <PageLoading />;
  if (!view.data) {
    return (
      <div className="container-xxl py-4 py-lg-5">
        <Breadcrumbs items={crumbs} />
        <h1>{t('voucher.title')}</h1>
        <ProblemAlert error={view.error} />
        <Link to={SERVICE_PATH}>{t('voucher.newSearch')}</Link>
      </div>
    );
  }
  const { voucher, movements } = view.data;
  const usable = voucher.state === 'attivo';
  const notUsable =
    voucher.state === 'attivo'
      ? null
      : t(`voucher.notUsable.${voucher.state}`, { date: formatDate(voucher.state === 'non_attivo' ? voucher.activationDate : voucher.expiryDate) });

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-4">
        <h1 className="mb-0">
          {t('voucher.title')}: {voucher.givenName} {voucher.familyName}
        </h1>
        <Link to={SERVICE_PATH} className="btn btn-outline-primary">
          {t('voucher.newSearch')}
        </Link>
      </div>
      <StatusMessage message={message} className="mb-3" />
      <VoucherSummary voucher={voucher} />
      <div className="mb-5">
        {notUsable && (
          <Alert color="warning" className="mb-3">
            {notUsable}
          </Alert>
        )}
        {usable && (
          <Button color="primary" onClick={() => navigate(purchasePath(voucher.id))}>
            {t('voucher.use')}
          </Button>
        )}
      </div>
      <TransactionsTable
        merchantName={session.structure.name}
        movements={movements}
        onAction={(action, movement) => {
          if (action === 'visualizza-scontrino') window.open(receiptUrl(movement.id), '_blank', 'noopener');
          else if (action === 'autorizza-pagamento') navigate(authorisePath(voucher.id, movement.id));
          else navigate(cancellationPath(voucher.id, movement.id));
        }}
      />
    </div>
  );
}
