import { romeDate } from '../../shared/dates.js';
import type { MovementKind, MovementStatus } from './vouchers.tables.js';

/**
 * The "menù azioni" of a movement in "Transazioni per esercente" (seed 000 §05):
 * - visualizza scontrino: confirmed purchases, and every purchase made today;
 * - autorizza pagamento: purchases "in attesa" made today (an older hold is released);
 * - cancella movimento: confirmed purchases made today, not already cancelled.
 * The server computes them so the page offers exactly what the API accepts.
 */
export type MovementAction = 'visualizza-scontrino' | 'autorizza-pagamento' | 'cancella-movimento';

export interface MovementFacts {
  kind: MovementKind;
  status: MovementStatus;
  createdAt: Date;
  hasReceipt: boolean;
  cancelled: boolean;
}

export function movementActions(m: MovementFacts, now: Date): MovementAction[] {
  if (m.kind !== 'acquisto') return [];
  const today = romeDate(m.createdAt) === romeDate(now);
  const actions: MovementAction[] = [];
  if (m.hasReceipt && (m.status === 'confermato' || (today && m.status === 'in_attesa'))) actions.push('visualizza-scontrino');
  if (m.status === 'in_attesa' && today) actions.push('autorizza-pagamento');
  if (m.status === 'confermato' && today && !m.cancelled) actions.push('cancella-movimento');
  return actions;
}

/** Whether the receipt of a purchase may be shown to its merchant (the same rule as the menu). */
export function receiptVisible(m: Pick<MovementFacts, 'status' | 'createdAt'>, now: Date): boolean {
  return m.status === 'confermato' || (m.status === 'in_attesa' && romeDate(m.createdAt) === romeDate(now));
}
