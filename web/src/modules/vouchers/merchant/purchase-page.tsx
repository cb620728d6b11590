import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, uploadFile } from '../../../core/api/client';
import { usePageTitle } from '../../../core/layout/page-title';
import { type OtpChallenge, OtpConfirmation } from '../../../core/otp/otp-confirmation';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { TextField } from '../../../core/ui/text-field';
import { parseEuroToCents } from '../../../lib/euro-input';
import { formatDate, formatEuro } from '../../../lib/format';
import { type PurchaseCreated, type Receipt, useVoucher, voucherQueryKey } from './api';
import { SERVICE_PATH, voucherPath } from './paths';
import { ReadOnlyFacts } from './read-only-facts';
import { ReceiptField, receiptProblem } from './receipt-field';
import type { VoucherPageState } from './voucher-page';

const RECEIPT_ID = 'purchase-receipt';
const AMOUNT_ID = 'purchase-amount';

/**
 * "Inserimento acquisto" (seed 000 §06): purchase date and residual read-only; the receipt and the
 * amount spent; "Salva e invia OTP" saves the purchase "in attesa" (holding its amount) and sends the
 * code to the beneficiary; "Verifica Codice" confirms it. Once the code is out the form is frozen: the
 * code is bound to this amount. A retried save is the same purchase (one idempotency key per form).
 */
export default function PurchasePage() {
  const { t } = useTranslation('vouchers-merchant');
  usePageTitle(t('purchase.title'));
  const { voucherId = '' } = useParams();
  const view = useVoucher(voucherId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | null>(null);
  const uploaded = useRef<{ file: File; receipt: Receipt } | null>(null);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const [movementId, setMovementId] = useState<string | null>(null);
  const movementRef = useRef<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const result = useRef<{ amountCents: number; availableCents: number } | null>(null);

  const crumbs = [{ label: t('service'), to: SERVICE_PATH }, { label: t('voucher.title'), to: voucherPath(voucherId) }, { label: t('purchase.title') }];
  if (view.isPending) return <PageLoading />;
  if (!view.data) {
    return (
      <div className="container-xxl py-4 py-lg-5">
        <Breadcrumbs items={crumbs} />
        <h1>{t('purchase.title')}</h1>
        <ProblemAlert error={view.error} />
      </div>
    );
  }
  const { voucher, today } = view.data;
  const locked = movementId !== null;

  const checkForm = (): number | null => {
    const problem = file ? receiptProblem(file) : 'receiptRequired';
    const receiptMessage = problem ? t(`purchase.${problem}`) : undefined;
    const cents = parseEuroToCents(amount);
    const amountMessage =
      cents === null
        ? t('purchase.amountInvalid')
        : cents === 0
          ? t('purchase.amountZero')
          : cents > voucher.availableCents
            ? t('purchase.amountTooHigh', { available: formatEuro(voucher.availableCents) })
            : undefined;
    setFileError(receiptMessage);
    setAmountError(amountMessage);
    if (receiptMessage) document.getElementById(RECEIPT_ID)?.focus();
    else if (amountMessage) document.getElementById(AMOUNT_ID)?.focus();
    return receiptMessage || amountMessage ? null : cents;
  };

  const send = async (): Promise<OtpChallenge> => {
    if (movementRef.current) return api.post<OtpChallenge>(`/api/vouchers/purchases/${movementRef.current}/otp`);
    const cents = parseEuroToCents(amount);
    if (!file || cents === null) throw new Error('checked by validate');
    if (uploaded.current?.file !== file) {
      setProgress(0);
      try {
        const receipt = await uploadFile<Receipt>(`/api/vouchers/${voucher.id}/receipts`, file, {
          onProgress: (sent, total) => setProgress(total > 0 ? Math.round((sent / total) * 100) : 0),
        });
        uploaded.current = { file, receipt };
      } finally {
        setProgress(null);
      }
    }
    const created = await api.post<PurchaseCreated>(`/api/vouchers/${voucher.id}/purchases`, {
      amountCents: cents,
      idempotencyKey,
      receiptDocumentId: uploaded.current.receipt.id,
    });
    movementRef.current = created.movement.id;
    setMovementId(created.movement.id);
    void queryClient.invalidateQueries({ queryKey: voucherQueryKey(voucher.id) });
    return { challengeId: created.challengeId, expiresInSeconds: created.expiresInSeconds };
  };

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <h1>{t('purchase.title')}</h1>
      <p className="lead">
        {t('voucher.section', { code: voucher.code })} · {voucher.givenName} {voucher.familyName}
      </p>
      <div className="row">
        <div className="col-12 col-lg-8 col-xl-7">
          <div className="sportello-panel">
            <ReadOnlyFacts
              facts={[
                [t('purchase.date'), formatDate(today)],
                [t('purchase.residual'), formatEuro(voucher.availableCents)],
              ]}
            />
            <ReceiptField
              id={RECEIPT_ID}
              file={file}
              onChange={(next) => {
                setFile(next);
                setFileError(next && receiptProblem(next) ? t(`purchase.${receiptProblem(next)!}`) : undefined);
              }}
              error={fileError}
              disabled={locked}
              progress={progress}
            />
            <TextField
              id={AMOUNT_ID}
              label={t('purchase.amount')}
              value={amount}
              onChange={(value) => {
                setAmount(value);
                setAmountError(undefined);
              }}
              inputMode="decimal"
              autoComplete="off"
              required
              readOnly={locked}
              hint={locked ? t('purchase.locked') : t('purchase.amountHint')}
              error={amountError}
            />
            <OtpConfirmation
              sentMessage={t('purchase.sent')}
              validate={() => (movementRef.current ? true : checkForm() !== null)}
              send={send}
              confirm={async (challengeId, code) => {
                result.current = await api.post<{ movement: { amountCents: number }; availableCents: number }>(
                  `/api/vouchers/purchases/${movementRef.current}/confirm`,
                  { challengeId, code },
                ).then((r) => ({ amountCents: r.movement.amountCents, availableCents: r.availableCents }));
              }}
              onConfirmed={() => {
                const done = result.current!;
                void queryClient.invalidateQueries({ queryKey: voucherQueryKey(voucher.id) });
                const state: VoucherPageState = {
                  message: t('purchase.done', { amount: formatEuro(done.amountCents), available: formatEuro(done.availableCents) }),
                };
                navigate(voucherPath(voucher.id), { state });
              }}
            />
            {locked && <p className="small mt-3 mb-0">{t('purchase.pendingNote')}</p>}
          </div>
          <div className="mt-3">
            {locked ? (
              <Link to={voucherPath(voucher.id)}>{t('purchase.back')}</Link>
            ) : (
              <Button color="primary" outline onClick={() => navigate(voucherPath(voucher.id))}>
                {t('purchase.cancel')}
              </Button>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
