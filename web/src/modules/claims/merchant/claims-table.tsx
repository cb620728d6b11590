import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionsMenu } from '../../../core/ui/actions-menu';
import { formatDate, formatEuro } from '../../../lib/format';
import type { ClaimSummary } from './api';
import { type ClaimMenuEntry, claimMenu } from './claim-menu';
import { ClaimStatusBadge } from './claim-status-badge';
import { claimPath } from './paths';

interface ClaimsTableProps {
  claims: ClaimSummary[];
  busy: boolean;
  onAction: (entry: ClaimMenuEntry, claim: ClaimSummary) => void;
}

/** "Elenco istanze di rimborso" (seed 000 §09): importo, periodo di riferimento, stato, data richiesta, azioni. */
export function ClaimsTable({ claims, busy, onAction }: ClaimsTableProps) {
  const { t } = useTranslation('claims-merchant');
  return (
    <Table responsive className="sportello-table align-middle mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{t('list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.number')}</th>
          <th scope="col" className="text-end">
            {t('list.amount')}
          </th>
          <th scope="col">{t('list.period')}</th>
          <th scope="col">{t('list.status')}</th>
          <th scope="col">{t('list.requestedAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={claim.id}>
            <th scope="row" className="fw-normal text-nowrap">
              <Link to={claimPath(claim.id)}>{t('list.numberValue', { number: claim.number })}</Link>
            </th>
            <td className="text-end text-nowrap">{formatEuro(claim.amountCents)}</td>
            <td>{claim.period.label}</td>
            <td>
              <ClaimStatusBadge status={claim.status} label={claim.statusLabel} />
            </td>
            <td className="text-nowrap">{formatDate(claim.requestedAt)}</td>
            <td className="text-end">
              <ActionsMenu
                label={t('list.menu', { number: claim.number })}
                actions={claimMenu(claim.actions).map((entry) => ({ key: entry, label: t(`action.${entry}`), onSelect: () => onAction(entry, claim) }))}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
