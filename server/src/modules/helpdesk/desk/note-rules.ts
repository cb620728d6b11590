import { RuleViolation } from '../../../platform/http/errors.js';
import { placeholderNames } from '../canned/placeholders.js';
import type { RequestStatus } from '../request-status.js';

export const MAX_NOTE_LENGTH = 4000;

/**
 * The text of an operator's note: not empty, at most 4000 characters, and no placeholder of a
 * canned reply left unfilled (the citizen would read "{{data}}").
 */
export function checkNoteBody(body: string, field = 'note.body'): string {
  const text = body.trim();
  if (text === '') throw new RuleViolation('note_empty', 'Scrivi il testo della nota.', { [field]: 'Scrivi il testo della nota.' });
  if (text.length > MAX_NOTE_LENGTH) {
    const message = `La nota può avere al massimo ${MAX_NOTE_LENGTH} caratteri (ne ha ${text.length}).`;
    throw new RuleViolation('note_too_long', message, { [field]: message });
  }
  const unfilled = placeholderNames(text);
  if (unfilled.length > 0) {
    const message = `Completa i campi della risposta predefinita: ${unfilled.map((n) => `{{${n}}}`).join(', ')}.`;
    throw new RuleViolation('placeholders_unfilled', message, { [field]: message });
  }
  return text;
}

/** Statuses that need a public note, and what it must say (seed 004 §2.4–2.6). */
export const PUBLIC_NOTE_REQUIRED: Partial<Record<RequestStatus, string>> = {
  in_attesa_utente: 'Per chiedere informazioni al cittadino scrivi la domanda in una nota pubblica.',
  risolto: 'Per impostare «Risolto» scrivi al cittadino il motivo della risoluzione in una nota pubblica.',
  non_di_competenza: 'Per impostare «Non di competenza» scrivi all’assistenza regionale il motivo dell’inoltro in una nota pubblica.',
};
