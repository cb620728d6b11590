import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { HistoryEntry } from './api';

/** Every change of status of the claim: when, to which status, who, and the note (e.g. a rejection's reason). */
export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation('claims-merchant');
  return (
    <section aria-labelledby="claim-history-title" className="mt-5">
      <h2 id="claim-history-title" className="h3">
        {t('history.title')}
      </h2>
      {history.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('history.empty')}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table mb-0">
          <caption className="visually-hidden">{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.status')}</th>
              <th scope="col">{t('history.actor')}</th>
              <th scope="col">{t('history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td className="text-nowrap">{formatDateTime(entry.at)}</td>
                <td>{entry.toLabel}</td>
                <td>
                  {t(`history.kind.${entry.actorKind}`)}
                  {entry.actorName && <span className="d-block small">{entry.actorName}</span>}
                </td>
                <td className="text-break">{entry.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
