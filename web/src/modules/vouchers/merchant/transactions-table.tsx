import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { ActionsMenu } from '../../../core/ui/actions-menu';
import { formatDateTime, formatEuro } from '../../../lib/format';
import type { MerchantTransaction, MovementAction } from './api';

interface TransactionsTableProps {
  merchantName: string;
  movements: MerchantTransaction[];
  onAction: (action: MovementAction, movement: MerchantTransaction) => void;
}

/** "Transazioni per esercente" (seed 000 §05): this merchant's movements on the voucher, with the actions menu. */
export function TransactionsTable({ merchantName, movements, onAction }: TransactionsTableProps) {
  const { t } = useTranslation('vouchers-merchant');
  return (
    <section aria-labelledby="transactions-title">
      <h2 id="transactions-title" className="h3">
        {t('transactions.title')}
      </h2>
      {movements.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('transactions.empty')}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table mb-0">
          <caption className="visually-hidden">{t('transactions.caption', { merchant: merchantName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transactions.dateTime')}</th>
              <th scope="col">{t('transactions.merchant')}</th>
              <th scope="col" className="text-end">
                {t('transactions.amount')}
              </th>
              <th scope="col">{t('transactions.kind')}</th>
              <th scope="col">{t('transactions.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('transactions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {movements.map((m) => (
              <tr key={m.id}>
                <td className="text-nowrap">{formatDateTime(m.createdAt)}</td>
                <td>{m.merchantName}</td>
                <td className="text-end text-nowrap">{formatEuro(m.amountCents)}</td>
                <td>
                  {t(`kind.${m.kind}`)}
                  {m.cancelled && <span className="d-block small">({t('transactions.cancelled')})</span>}
                </td>
                <td>{t(`status.${m.status}`)}</td>
                <td className="text-end">
                  {m.actions.length > 0 ? (
                    <ActionsMenu
                      label={t('transactions.menu', { code: m.code })}
                      actions={m.actions.map((action) => ({ key: action, label: t(`transactions.action.${action}`), onSelect: () => onAction(action, m) }))}
                    />
                  ) : (
                    <span className="visually-hidden">{t('transactions.noActions')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
