import type { ClaimActions } from './api';

export type ClaimMenuEntry = 'detail' | 'rectify' | 'withdraw';

/**
 * The actions menu of a claim (seed 000 §09): always the detail; "Rettifica" while IBAN or e-mail
 * may be corrected; "Annulla istanza" until the payment procedure starts. The server decides which.
 */
export function claimMenu(actions: ClaimActions): ClaimMenuEntry[] {
  const entries: ClaimMenuEntry[] = ['detail'];
  if (actions.rectifyIban || actions.rectifyEmail) entries.push('rectify');
  if (actions.withdraw) entries.push('withdraw');
  return entries;
}
