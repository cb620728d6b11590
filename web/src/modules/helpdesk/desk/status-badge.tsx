import { Badge } from 'design-react-kit';
import type { RequestStatus } from './api';

/** Bootstrap Italia colours with white text at AA contrast; the label says the status, the colour only helps. */
const STATUS_COLOR: Record<RequestStatus, string> = {
  nuova: 'primary',
  in_lavorazione: 'dark',
  in_attesa_utente: 'warning',
  risolto: 'success',
  chiuso: 'secondary',
  non_di_competenza: 'danger',
};

/** A request's status as the server names it. */
export function RequestStatusBadge({ status, label }: { status: RequestStatus; label: string }) {
  return <Badge color={STATUS_COLOR[status] ?? 'secondary'}>{label}</Badge>;
}
