import { Icon, Table } from 'design-react-kit';
import { formatDateTime, formatEuro } from '../../../lib/format';
import { type MyMovement, receiptUrl } from './api';
import { useCitizenVoucherMessages } from './messages';

interface MyMovementsTableProps {
  voucherId: string;
  voucherCode: string;
  movements: MyMovement[];
  busy: boolean;
}

/** "Transazioni" of his voucher at every merchant: date and time, esercente, importo, tipo operazione, stato, scontrino. */
export function MyMovementsTable({ voucherId, voucherCode, movements, busy }: MyMovementsTableProps) {
  const m = useCitizenVoucherMessages();
  return (
    <Table responsive className="sportello-table mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{m.movementsCaption(voucherCode)}</caption>
      <thead>
        <tr>
          <th scope="col">{m.column.when}</th>
          <th scope="col">{m.column.merchant}</th>
          <th scope="col" className="text-end">
            {m.column.amount}
          </th>
          <th scope="col">{m.column.kind}</th>
          <th scope="col">{m.column.status}</th>
          <th scope="col">{m.column.receipt}</th>
        </tr>
      </thead>
      <tbody>
        {movements.map((movement) => {
          const when = formatDateTime(movement.createdAt);
          const cancellation = movement.kind === 'cancellazione';
          return (
            <tr key={movement.id}>
              <td className="text-nowrap">
                <time dateTime={movement.createdAt}>{when}</time>
              </td>
              <td>{movement.merchantName ?? m.unknownMerchant}</td>
              <td className="text-end text-nowrap">
                {/* A cancellation gives the amount back to the voucher. */}
                {cancellation ? `+${formatEuro(movement.amountCents)}` : formatEuro(movement.amountCents)}
              </td>
              <td>{m.kind[movement.kind] ?? movement.kind}</td>
              <td>{m.status[movement.status] ?? movement.status}</td>
              <td>
                {movement.hasReceipt ? (
                  <a href={receiptUrl(voucherId, movement.id)} target="_blank" rel="noopener" className="d-inline-flex align-items-center gap-1">
                    <Icon icon="it-file" size="sm" color="primary" aria-hidden="true" />
                    {m.viewReceipt}
                    <span className="visually-hidden">
                      {' '}
                      {m.receiptOf(when)} {m.newWindow}
                    </span>
                  </a>
                ) : (
                  <span className="sportello-muted">{cancellation ? '—' : m.noReceipt}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
