import type { ClaimActorKind } from './claims.tables.js';

/**
 * The statuses of a claim (seed 000 §09) and who may move it where. The database holds the same
 * data (claim_statuses, claim_status_transitions) and refuses any other change by trigger;
 * claim-status.test.ts checks the two agree.
 */
export const CLAIM_STATUSES = {
  da_valutare: { label: 'Da valutare', releasesPurchases: false },
  da_integrare: { label: 'Da integrare', releasesPurchases: false },
  approvata: { label: 'Approvata', releasesPurchases: false },
  rifiutata: { label: 'Rifiutata', releasesPurchases: true },
  scaduta: { label: 'Scaduta', releasesPurchases: true },
  inoltrata: { label: 'Inoltrata per decreto di pagamento', releasesPurchases: false },
  annullata: { label: 'Annullata', releasesPurchases: true },
} as const;

export type ClaimStatus = keyof typeof CLAIM_STATUSES;
export const CLAIM_STATUS_CODES = Object.keys(CLAIM_STATUSES) as ClaimStatus[];

export const CLAIM_TRANSITIONS: readonly { from: ClaimStatus; to: ClaimStatus; actor: ClaimActorKind }[] = [
  { from: 'da_valutare', to: 'da_integrare', actor: 'region' },
  { from: 'da_valutare', to: 'approvata', actor: 'region' },
  { from: 'da_valutare', to: 'rifiutata', actor: 'region' },
  { from: 'da_valutare', to: 'annullata', actor: 'merchant' },
  { from: 'da_integrare', to: 'da_valutare', actor: 'merchant' },
  { from: 'da_integrare', to: 'scaduta', actor: 'system' },
  { from: 'da_integrare', to: 'rifiutata', actor: 'region' },
  { from: 'da_integrare', to: 'annullata', actor: 'merchant' },
  { from: 'approvata', to: 'inoltrata', actor: 'region' },
  { from: 'approvata', to: 'annullata', actor: 'merchant' },
];

/** The actor allowed to move a claim from one status to another, or null when no one may. */
export function transitionActor(from: ClaimStatus, to: ClaimStatus): ClaimActorKind | null {
  return CLAIM_TRANSITIONS.find((t) => t.from === from && t.to === to)?.actor ?? null;
}

export function canTransition(from: ClaimStatus, to: ClaimStatus, actor: ClaimActorKind): boolean {
  return transitionActor(from, to) === actor;
}

/** Why a withdrawal ("Annulla istanza") is refused in a status, in the merchant's words. */
export function withdrawalRefusal(status: ClaimStatus): string | null {
  if (canTransition(status, 'annullata', 'merchant')) return null;
  if (status === 'inoltrata') return "L'istanza non può essere annullata: è già avviata la procedura di pagamento.";
  return `Un'istanza nello stato «${CLAIM_STATUSES[status].label}» non può essere annullata.`;
}
