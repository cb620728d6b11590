import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** One colour per status (seed 000 §09); the label comes from the server, as it names the status. */
const COLOUR: Record<string, string> = {
  da_valutare: 'primary',
  da_integrare: 'warning',
  approvata: 'success',
  rifiutata: 'danger',
  scaduta: 'secondary',
  inoltrata: 'success',
  annullata: 'secondary',
};

export function ClaimStatusBadge({ status, label, withName = false }: { status: string; label: string; withName?: boolean }) {
  const { t } = useTranslation('claims-merchant');
  return (
    <Badge color={COLOUR[status] ?? 'secondary'} pill className="sportello-claim-status">
      {withName && <span className="visually-hidden">{t('detail.status')}: </span>}
      {label}
    </Badge>
  );
}
