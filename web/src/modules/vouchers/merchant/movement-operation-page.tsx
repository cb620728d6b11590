import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../core/api/client';
import { usePageTitle } from '../../../core/layout/page-title';
import { type OtpChallenge, OtpConfirmation } from '../../../core/otp/otp-confirmation';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { formatDate, formatDateTime, formatEuro } from '../../../lib/format';
import { type MerchantTransaction, type MovementAction, useVoucher, voucherQueryKey } from './api';
import { SERVICE_PATH, voucherPath } from './paths';
import { ReadOnlyFacts } from './read-only-facts';
import type { VoucherPageState } from './voucher-page';

interface Operation {
  /** The action of the menu this page carries out: offered by the server for the movement, or not at all. */
  action: Extract<MovementAction, 'autorizza-pagamento' | 'cancella-movimento'>;
  messages: 'authorise' | 'cancellation';
  facts: (movement: MerchantTransaction, today: string) => [string, string][];
  send: (movementId: string) => Promise<OtpChallenge>;
  confirm: (movementId: string, challengeId: string, code: string, idempotencyKey: string) => Promise<{ availableCents: number }>;
  sendLabel?: string;
}

/**
 * "Autorizza pagamento" and "Cancella Movimento" (seed 000 §05, §07): a movement's data read-only, then
 * the beneficiary's OTP. Both are reached from the actions menu; a movement for which the server no
 * longer offers the action (a purchase of yesterday, one already cancelled) shows why instead.
 */
function MovementOperationPage({ operation }: { operation: Operation }) {
  const { t } = useTranslation('vouchers-merchant');
  const m = operation.messages;
  usePageTitle(t(`${m}.title`));
  const { voucherId = '', movementId = '' } = useParams();
  const view = useVoucher(voucherId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const result = useRef<{ availableCents: number } | null>(null);
  // Once the code is out the movement may change under us (e.g. a refetch): keep what was shown.
  const [shown, setShown] = useState<MerchantTransaction | null>(null);

  const crumbs = [{ label: t('service'), to: SERVICE_PATH }, { label: t('voucher.title'), to: voucherPath(voucherId) }, { label: t(`${m}.title`) }];
  if (view.isPending) return <PageLoading />;
  const movement = shown ?? view.data?.movements.find((candidate) => candidate.id === movementId && candidate.actions.includes(operation.action));

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <h1>{t(`${m}.title`)}</h1>
      <ProblemAlert error={view.error} />
      {view.data && !movement && (
        <>
          <Alert color="warning">{t(`${m}.unavailable`)}</Alert>
          <Link to={voucherPath(voucherId)}>{t('purchase.back')}</Link>
        </>
      )}
      {view.data && movement && (
        <div className="row">
          <div className="col-12 col-lg-8 col-xl-7">
            <p className="lead">
              {t('voucher.section', { code: view.data.voucher.code })} · {view.data.voucher.givenName} {view.data.voucher.familyName}
            </p>
            {m === 'authorise' ? <p>{t('authorise.intro')}</p> : <p>{t('cancellation.note')}</p>}
            <div className="sportello-panel">
              <ReadOnlyFacts facts={operation.facts(movement, view.data.today)} />
              <OtpConfirmation
                sendLabel={operation.sendLabel}
                sentMessage={t('purchase.sent')}
                send={async () => {
                  setShown(movement);
                  return operation.send(movement.id);
                }}
                confirm={async (challengeId, code) => {
                  result.current = await operation.confirm(movement.id, challengeId, code, idempotencyKey);
                }}
                onConfirmed={() => {
                  void queryClient.invalidateQueries({ queryKey: voucherQueryKey(voucherId) });
                  const state: VoucherPageState = {
                    message: t(`${m}.done`, { amount: formatEuro(movement.amountCents), available: formatEuro(result.current!.availableCents) }),
                  };
                  navigate(voucherPath(voucherId), { state });
                }}
              />
            </div>
            <div className="mt-3">
              <Link to={voucherPath(voucherId)}>{t('purchase.back')}</Link>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

export function AuthorisePaymentPage() {
  const { t } = useTranslation('vouchers-merchant');
  return (
    <MovementOperationPage
      operation={{
        action: 'autorizza-pagamento',
        messages: 'authorise',
        sendLabel: t('authorise.sendLabel'),
        facts: (movement) => [
          [t('authorise.date'), formatDateTime(movement.createdAt)],
          [t('authorise.amount'), formatEuro(movement.amountCents)],
        ],
        send: (movementId) => api.post<OtpChallenge>(`/api/vouchers/purchases/${movementId}/otp`),
        confirm: (movementId, challengeId, code) => api.post<{ availableCents: number }>(`/api/vouchers/purchases/${movementId}/confirm`, { challengeId, code }),
      }}
    />
  );
}

export function CancellationPage() {
  const { t } = useTranslation('vouchers-merchant');
  return (
    <MovementOperationPage
      operation={{
        action: 'cancella-movimento',
        messages: 'cancellation',
        facts: (movement, today) => [
          [t('cancellation.date'), formatDate(today)],
          [t('cancellation.purchaseAmount'), formatEuro(movement.amountCents)],
          [t('cancellation.revoke'), formatEuro(movement.amountCents)],
        ],
        send: (movementId) => api.post<OtpChallenge>(`/api/vouchers/purchases/${movementId}/cancellation/otp`),
        confirm: (movementId, challengeId, code, idempotencyKey) =>
          api.post<{ availableCents: number }>(`/api/vouchers/purchases/${movementId}/cancellation`, { challengeId, code, idempotencyKey }),
      }}
    />
  );
}
