/**
 * The statuses of a help-desk request (seed 004 §2.4–2.6, plus "nuova" and "in lavorazione") and who
 * may move it where. The database holds the same data (helpdesk_statuses,
 * helpdesk_status_transitions) and refuses any other change by trigger; a test checks they agree.
 * "chiuso" is set only by the system, N days after "risolto" (seed 004 §2.5: "NON UTILIZZARE lo
 * stato CHIUSO").
 */
export const REQUEST_STATUSES = {
  nuova: { label: 'Nuova', open: true },
  in_lavorazione: { label: 'In lavorazione', open: true },
  in_attesa_utente: { label: 'In attesa di informazioni da utente', open: true },
  risolto: { label: 'Risolto', open: false },
  chiuso: { label: 'Chiuso', open: false },
  non_di_competenza: { label: 'Non di competenza', open: true },
} as const;

export type RequestStatus = keyof typeof REQUEST_STATUSES;
export const REQUEST_STATUS_CODES = Object.keys(REQUEST_STATUSES) as RequestStatus[];

export type RequestActorKind = 'operator' | 'citizen' | 'system' | 'regional_desk';

export const REQUEST_TRANSITIONS: readonly { from: RequestStatus; to: RequestStatus; actor: RequestActorKind }[] = [
  { from: 'nuova', to: 'in_lavorazione', actor: 'operator' },
  { from: 'nuova', to: 'in_attesa_utente', actor: 'operator' },
  { from: 'nuova', to: 'risolto', actor: 'operator' },
  { from: 'nuova', to: 'non_di_competenza', actor: 'operator' },
  { from: 'in_lavorazione', to: 'in_attesa_utente', actor: 'operator' },
  { from: 'in_lavorazione', to: 'risolto', actor: 'operator' },
  { from: 'in_lavorazione', to: 'non_di_competenza', actor: 'operator' },
  { from: 'in_attesa_utente', to: 'in_lavorazione', actor: 'citizen' },
  { from: 'in_attesa_utente', to: 'in_lavorazione', actor: 'operator' },
  { from: 'in_attesa_utente', to: 'risolto', actor: 'operator' },
  { from: 'in_attesa_utente', to: 'non_di_competenza', actor: 'operator' },
  { from: 'risolto', to: 'chiuso', actor: 'system' },
  { from: 'risolto', to: 'in_lavorazione', actor: 'citizen' },
  { from: 'non_di_competenza', to: 'in_lavorazione', actor: 'operator' },
  { from: 'non_di_competenza', to: 'in_attesa_utente', actor: 'operator' },
  { from: 'non_di_competenza', to: 'risolto', actor: 'operator' },
  { from: 'non_di_competenza', to: 'nuova', actor: 'regional_desk' },
];

export function canTransition(from: RequestStatus, to: RequestStatus, actor: RequestActorKind): boolean {
  return REQUEST_TRANSITIONS.some((t) => t.from === from && t.to === to && t.actor === actor);
}

/** The statuses an operator may choose in the "STATO" menu of a request in `from`. */
export function operatorTargets(from: RequestStatus): RequestStatus[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === from && t.actor === 'operator').map((t) => t.to);
}

/**
 * The status as the citizen reads it: that the regional desk now holds his request ("non di
 * competenza" of the agency he chose) is internal routing; for him it is still being worked on.
 */
export function citizenStatus(status: RequestStatus): RequestStatus {
  return status === 'non_di_competenza' ? 'in_lavorazione' : status;
}
