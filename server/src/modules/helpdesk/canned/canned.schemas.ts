import { z } from 'zod';
import type { RequestStatus } from '../request-status.js';

/** The statuses a canned reply may suggest: those an operator sets. */
export const SUGGESTABLE_STATUSES = ['in_lavorazione', 'in_attesa_utente', 'risolto', 'non_di_competenza'] as const satisfies readonly RequestStatus[];

export const cannedParams = z.object({ id: z.string().uuid('Risposta predefinita non valida.') });

export const cannedBody = z.object({
  title: z.string({ error: 'Indica il titolo.' }).trim().min(1, 'Indica il titolo.').max(200, 'Il titolo può avere al massimo 200 caratteri.'),
  body: z.string({ error: 'Scrivi il testo.' }).trim().min(1, 'Scrivi il testo.').max(4000, 'Il testo può avere al massimo 4000 caratteri.'),
  suggestedStatus: z.enum(SUGGESTABLE_STATUSES, { error: 'Stato suggerito non valido.' }).nullable().default(null),
  audience: z.enum(['citizen', 'internal', 'regional_desk'], { error: 'Destinatario non valido (citizen, internal o regional_desk).' }).default('citizen'),
  active: z.boolean({ error: 'Indica se è attiva.' }).default(true),
});
export type CannedInput = z.infer<typeof cannedBody>;
