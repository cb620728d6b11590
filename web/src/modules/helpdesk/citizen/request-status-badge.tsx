import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** One colour per status; the label comes from the server, which names the status. */
const COLOUR: Record<string, string> = {
  nuova: 'primary',
  in_lavorazione: 'primary',
  in_attesa_utente: 'warning',
  risolto: 'success',
  chiuso: 'secondary',
  non_di_competenza: 'primary',
};

export function RequestStatusBadge({ status, label, withName = false }: { status: string; label: string; withName?: boolean }) {
  const { t } = useTranslation('helpdesk-citizen');
  return (
    <Badge color={COLOUR[status] ?? 'secondary'} pill>
      {withName && <span className="visually-hidden">{t('thread.status')}: </span>}
      {label}
    </Badge>
  );
}
