import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatEuro } from '../../../lib/format';
import type { QueueRow } from './api';
import { claimPath } from './paths';
import { ClaimStatusBadge } from './status-badge';

/** The box size of Bootstrap Italia's checkbox, drawn on its label: the label has no visible text here. */
const BOX = { width: '1.75rem', height: '1.75rem', padding: 0 } as const;

/** A Bootstrap Italia checkbox whose name is only for screen readers (the row says the rest). */
function RowCheckbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: () => void }) {
  return (
    <div className="form-check m-0 p-0" style={BOX}>
      <input id={id} type="checkbox" checked={checked} onChange={onChange} />
      <label htmlFor={id} className="d-block m-0" style={BOX}>
        <span className="visually-hidden">{label}</span>
      </label>
    </div>
  );
}

interface Selection {
  isSelected: (claimId: string) => boolean;
  onToggle: (row: QueueRow) => void;
  onTogglePage: (rows: QueueRow[], select: boolean) => void;
}

interface ClaimsTableProps {
  rows: QueueRow[];
  caption: string;
  busy: boolean;
  /** What the detail's "back" should return to: the queue's query string. */
  backSearch: string;
  /** Checkboxes on the approved rows, to forward them for the payment decree. */
  selection?: Selection;
}

/** The queue: N., Esercente, Periodo di riferimento, Importo, Transazioni, Stato, Data richiesta, Termine integrazione. */
export function ClaimsTable({ rows, caption, busy, backSearch, selection }: ClaimsTableProps) {
  const { t } = useTranslation('claims-review');
  const selectable = selection ? rows.filter((row) => row.status === 'approvata') : [];
  const allSelected = selection !== undefined && selectable.length > 0 && selectable.every((row) => selection.isSelected(row.id));
  return (
    <Table responsive className="sportello-table mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {selection && (
            <th scope="col">
              {selectable.length > 0 ? (
                <RowCheckbox id="queue-select-page" label={t('queue.selectPage')} checked={allSelected} onChange={() => selection.onTogglePage(selectable, !allSelected)} />
              ) : (
                <span className="visually-hidden">{t('queue.column.select')}</span>
              )}
            </th>
          )}
          <th scope="col">{t('queue.column.number')}</th>
          <th scope="col">{t('queue.column.merchant')}</th>
          <th scope="col">{t('queue.column.period')}</th>
          <th scope="col" className="text-end">
            {t('queue.column.amount')}
          </th>
          <th scope="col" className="text-end">
            {t('queue.column.transactions')}
          </th>
          <th scope="col">{t('queue.column.status')}</th>
          <th scope="col">{t('queue.column.requested')}</th>
          <th scope="col">{t('queue.column.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const checkboxId = `queue-select-${row.id}`;
          return (
            <tr key={row.id}>
              {selection && (
                <td>
                  {row.status === 'approvata' && (
                    <RowCheckbox
                      id={checkboxId}
                      label={t('queue.select', { number: row.number, merchant: row.merchantName })}
                      checked={selection.isSelected(row.id)}
                      onChange={() => selection.onToggle(row)}
                    />
                  )}
                </td>
              )}
              <th scope="row" className="fw-normal text-nowrap">
                <Link to={claimPath(row.id)} state={{ from: backSearch }} aria-label={t('queue.open', { number: row.number, merchant: row.merchantName })}>
                  {row.number}
                </Link>
              </th>
              <td>{row.merchantName}</td>
              <td>{row.period.label}</td>
              <td className="text-end text-nowrap">{formatEuro(row.amountCents)}</td>
              <td className="text-end">{row.purchaseCount.toLocaleString('it-IT')}</td>
              <td>
                <ClaimStatusBadge status={row.status} label={row.statusLabel} />
              </td>
              <td className="text-nowrap">{formatDate(row.requestedAt)}</td>
              <td className="text-nowrap">{row.integrationDeadline ? formatDate(row.integrationDeadline) : t('queue.noDeadline')}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
