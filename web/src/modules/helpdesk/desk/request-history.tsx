import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { RequestDetail } from './api';

/** "Storico": every change of status, assignee and queue, who made it and when. */
export function RequestHistory({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('helpdesk-desk');
  const none = t('history.none');
  return (
    <section aria-labelledby="request-history" className="mb-5">
      <h2 id="request-history" className="h3">
        {t('history.title')}
      </h2>
      {request.history.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('history.empty')}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table mb-0">
          <caption className="visually-hidden">{t('history.caption', { number: request.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.change')}</th>
              <th scope="col">{t('history.from')}</th>
              <th scope="col">{t('history.to')}</th>
              <th scope="col">{t('history.who')}</th>
            </tr>
          </thead>
          <tbody>
            {request.history.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td className="text-nowrap">{formatDateTime(entry.at)}</td>
                <td>{t(`history.changes.${entry.change}`)}</td>
                <td>{entry.change === 'created' ? '' : (entry.fromLabel ?? none)}</td>
                <td>{entry.toLabel ?? none}</td>
                <td>
                  {t(`history.actor.${entry.actorKind}`)}
                  {entry.actorName && <span className="d-block small">{entry.actorName}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
