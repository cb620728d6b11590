import type { NoteAudience, RequestStatus } from './api';

/** Who will read a note being written (seed 004 §2.4–2.6), said before saving. */
export type NoteRecipient = 'operators' | 'citizen-app' | 'citizen-email' | 'regional-desk';

interface NoteContext {
  isPublic: boolean;
  /** The status chosen in "STATO", if any. */
  targetStatus: RequestStatus | null;
  /** The citizen filed signed in: he reads public notes in his personal area. */
  citizenSignedIn: boolean;
}

/**
 * A private note stays among operators. A public one goes to the citizen (in the web app if he filed
 * signed in, by e-mail otherwise) — except with "non di competenza", where it goes to the regional
 * help desk and NOT to the citizen (seed 004 §2.6).
 */
export function noteRecipient({ isPublic, targetStatus, citizenSignedIn }: NoteContext): NoteRecipient {
  if (!isPublic) return 'operators';
  if (targetStatus === 'non_di_competenza') return 'regional-desk';
  return citizenSignedIn ? 'citizen-app' : 'citizen-email';
}

/** The audience the server will record for such a note. */
export function audienceOf(recipient: NoteRecipient): NoteAudience {
  if (recipient === 'operators') return 'internal';
  return recipient === 'regional-desk' ? 'regional_desk' : 'citizen';
}

/**
 * What the operator must add before "Aggiorna" for the chosen status: "risolto" and "in attesa di
 * informazioni da utente" need a public note for the citizen (the reason, the question), "non di
 * competenza" a public note for the regional desk (seed 004 §2.4–2.6).
 */
export function missingForStatus(targetStatus: RequestStatus | null, note: { body: string; isPublic: boolean }): 'note' | 'public' | null {
  if (targetStatus !== 'risolto' && targetStatus !== 'in_attesa_utente' && targetStatus !== 'non_di_competenza') return null;
  if (note.body.trim() === '') return 'note';
  return note.isPublic ? null : 'public';
}
