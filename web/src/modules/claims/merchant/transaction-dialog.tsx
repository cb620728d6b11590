import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { formatDateTime, formatEuro } from '../../../lib/format';
import { type ClaimTransaction, transactionReceiptUrl } from './api';

/** The detail of one transaction of "Elenco transazioni", read only; its receipt if the claim has it. */
export function TransactionDialog({ transaction, claimId, onClose }: { transaction: ClaimTransaction; claimId?: string; onClose: () => void }) {
  const { t } = useTranslation('claims-merchant');
  const { t: tc } = useTranslation();
  const facts: [string, string][] = [
    [t('transactions.dateTime'), formatDateTime(transaction.purchasedAt)],
    [t('transactions.fiscalCode'), transaction.fiscalCode],
    [t('transactions.voucher'), transaction.voucherCode],
    [t('transactions.amount'), formatEuro(transaction.amountCents)],
  ];
  return (
    <Dialog
      title={t('transactions.detailTitle')}
      onClose={onClose}
      footer={
        <Button type="button" color="primary" onClick={onClose}>
          {tc('common.close')}
        </Button>
      }
    >
      <dl className="mb-0">
        {facts.map(([label, value]) => (
          <div key={label} className="mb-2">
            <dt className="small fw-normal">{label}</dt>
            <dd className="mb-0 fw-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {claimId && transaction.hasReceipt !== undefined && (
        <p className="mt-3 mb-0">
          {transaction.hasReceipt ? (
            <a href={transactionReceiptUrl(claimId, transaction.movementId)} target="_blank" rel="noopener noreferrer">
              {t('transactions.receipt')} <span className="visually-hidden">{t('transactions.receiptNewWindow')}</span>
            </a>
          ) : (
            t('transactions.noReceipt')
          )}
        </p>
      )}
    </Dialog>
  );
}
