import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { PRE_LINE } from './pre-line';
import type { ClaimDetail } from './api';

/** "Storico": every status change, who made it and the note (reason, request). */
export function ClaimHistory({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation('claims-review');
  return (
    <section aria-labelledby="claim-history" className="mb-5">
      <h2 id="claim-history" className="h3">
        {t('history.title')}
      </h2>
      {claim.history.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('history.empty')}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table mb-0">
          <caption className="visually-hidden">{t('history.caption', { number: claim.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.status')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {claim.history.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td className="text-nowrap">{formatDateTime(entry.at)}</td>
                <td>{entry.toLabel}</td>
                <td>
                  {t(`history.actor.${entry.actorKind}`)}
                  {entry.actorName && <span className="d-block small">{entry.actorName}</span>}
                </td>
                <td style={PRE_LINE}>{entry.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
