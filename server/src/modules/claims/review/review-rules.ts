import { RuleViolation } from '../../../platform/http/errors.js';
import { shiftDay } from './rome-days.js';

/** The longest time the region may give a merchant to integrate, in days from today. */
export const MAX_INTEGRATION_DAYS = 90;
export const MAX_REJECTION_REASON = 2000;
export const MAX_INTEGRATION_TEXT = 4000;

/** "2027-01-05" → "05/01/2027" */
export const italianDay = (day: string) => day.split('-').reverse().join('/');

/** A calendar day "YYYY-MM-DD" that exists. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The reason of a rejection: mandatory, at most 2000 characters (the merchant reads it). */
export function checkRejectionReason(reason: string | undefined): string {
  const text = (reason ?? '').trim();
  if (!text) throw new RuleViolation('rejection_reason_required', 'Indica il motivo del rifiuto.', { reason: 'Il motivo del rifiuto è obbligatorio.' });
  if (text.length > MAX_REJECTION_REASON) {
    throw new RuleViolation('rejection_reason_too_long', `Il motivo del rifiuto può avere al massimo ${MAX_REJECTION_REASON} caratteri.`, {
      reason: `Al massimo ${MAX_REJECTION_REASON} caratteri (ne hai scritti ${text.length}).`,
    });
  }
  return text;
}

/**
 * A request of integration: what is missing (mandatory) and by when — a Rome day after today and
 * at most 90 days ahead, so the merchant has at least one full day and the claim is not parked.
 */
export function checkIntegrationRequest(input: { text?: string; deadline?: string }, today: string): { text: string; deadline: string } {
  const fields: Record<string, string> = {};
  const text = (input.text ?? '').trim();
  if (!text) fields.text = 'Indica i documenti o le informazioni da integrare.';
  else if (text.length > MAX_INTEGRATION_TEXT) fields.text = `Al massimo ${MAX_INTEGRATION_TEXT} caratteri (ne hai scritti ${text.length}).`;
  const deadline = (input.deadline ?? '').trim();
  const latest = shiftDay(today, MAX_INTEGRATION_DAYS);
  if (!deadline) fields.deadline = 'Indica il termine per l’integrazione.';
  else if (!isCalendarDay(deadline)) fields.deadline = 'Data non valida (AAAA-MM-GG).';
  else if (deadline <= today) fields.deadline = `Il termine deve essere successivo a oggi (${italianDay(today)}).`;
  else if (deadline > latest) fields.deadline = `Il termine può essere al massimo di ${MAX_INTEGRATION_DAYS} giorni (entro il ${italianDay(latest)}).`;
  if (Object.keys(fields).length > 0) {
    throw new RuleViolation('integration_request_invalid', Object.values(fields)[0]!, fields);
  }
  return { text, deadline };
}

/** The note of the status change (history and e-mail): what to integrate and by when. */
export const integrationNote = (text: string, deadline: string) => `${text}\nTermine: ${italianDay(deadline)}`;
