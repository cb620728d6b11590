import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import type { QueueRow } from './api';
import { deskRequestPath } from './paths';
import { RequestStatusBadge } from './status-badge';

interface RequestsTableProps {
  rows: QueueRow[];
  caption: string;
  busy: boolean;
  /** What the detail's "back" returns to: the queue's query string. */
  backSearch: string;
}

/** The queue: N., Data, Stato, Servizio, Tipologia, Richiedente, Codice fiscale, ASR, Assegnatario. */
export function RequestsTable({ rows, caption, busy, backSearch }: RequestsTableProps) {
  const { t } = useTranslation('helpdesk-desk');
  return (
    <Table responsive className="sportello-table mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('queue.column.number')}</th>
          <th scope="col">{t('queue.column.date')}</th>
          <th scope="col">{t('queue.column.status')}</th>
          <th scope="col">{t('queue.column.service')}</th>
          <th scope="col">{t('queue.column.category')}</th>
          <th scope="col">{t('queue.column.citizen')}</th>
          <th scope="col">{t('queue.column.fiscalCode')}</th>
          <th scope="col">{t('queue.column.agency')}</th>
          <th scope="col">{t('queue.column.assignee')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="fw-normal text-nowrap">
              <Link to={deskRequestPath(row.id)} state={{ from: backSearch }} aria-label={t('queue.open', { number: row.number, name: row.citizenName })}>
                {row.number}
              </Link>
            </th>
            <td className="text-nowrap">{formatDate(row.createdAt)}</td>
            <td>
              <RequestStatusBadge status={row.status} label={row.statusLabel} />
            </td>
            <td>{row.service.label}</td>
            <td>{row.category.label}</td>
            <td>{row.citizenName}</td>
            <td className="font-monospace">{row.fiscalCode}</td>
            <td>{row.agencyName}</td>
            <td>{row.assignee ? row.assignee.name : <span className="sportello-muted">{t('queue.unassigned')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
