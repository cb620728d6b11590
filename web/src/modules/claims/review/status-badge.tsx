import { Badge } from 'design-react-kit';
import type { ClaimStatus } from './api';

/** Bootstrap Italia colours with white text at AA contrast; the label says the status, the colour only helps. */
export const STATUS_COLOR: Record<ClaimStatus, string> = {
  da_valutare: 'primary',
  da_integrare: 'warning',
  approvata: 'success',
  rifiutata: 'danger',
  scaduta: 'dark',
  inoltrata: 'success',
  annullata: 'secondary',
};

/** A claim's status as the server names it. */
export function ClaimStatusBadge({ status, label }: { status: ClaimStatus; label: string }) {
  return <Badge color={STATUS_COLOR[status]}>{label}</Badge>;
}
