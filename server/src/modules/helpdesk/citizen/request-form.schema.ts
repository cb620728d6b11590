import { z } from 'zod';
import { checkFiscalCode, normalizeFiscalCode } from '../../../shared/fiscal-code.js';

/** Text caps, the same as the database's CHECKs (migrations/0001_helpdesk.sql). */
export const DESCRIPTION_MAX = 4000;
export const ANSWER_MAX = 4000;
export const NAME_MAX = 100;

/** The honeypot: a field people never see (the web form hides it) and bots fill in. */
export const HONEYPOT_FIELD = 'sitoWeb';

const required = (message: string) => z.string({ error: message }).trim().min(1, message);

const name = (missing: string, tooLong: string) =>
  required(missing)
    .max(NAME_MAX, tooLong)
    // Control characters would end up in e-mails and exports.
    .refine((v) => !/\p{Cc}/u.test(v), 'Il testo contiene caratteri non ammessi.');

/** Spaces, dots, dashes, slashes and brackets people type in phone numbers are dropped. */
const phone = required('Inserisci il recapito telefonico.')
  .transform((v) => v.replace(/[\s.\-/()]/g, ''))
  .refine((v) => /^\+?\d+$/.test(v), 'Il recapito telefonico può contenere solo cifre, con il prefisso + facoltativo.')
  .refine((v) => v.length >= 6 && v.length <= 20, 'Il recapito telefonico deve avere da 6 a 20 caratteri.');

const fiscalCode = required('Inserisci il codice fiscale.')
  .superRefine((value, ctx) => {
    const check = checkFiscalCode(value);
    if (!check.valid) ctx.addIssue({ code: 'custom', message: check.message });
  })
  .transform(normalizeFiscalCode);

/**
 * The form "Nuova richiesta di assistenza" (seed 004 §2.2): every field but the attachment is
 * mandatory. Whether the codes and the agency exist is checked against the catalogue afterwards.
 */
export const requestForm = z.object({
  serviceCode: required('Scegli il servizio.').max(60, 'Scegli il servizio.'),
  roleCode: required('Scegli il ruolo.').max(60, 'Scegli il ruolo.'),
  givenName: name('Inserisci il nome.', `Il nome può avere al massimo ${NAME_MAX} caratteri.`),
  familyName: name('Inserisci il cognome.', `Il cognome può avere al massimo ${NAME_MAX} caratteri.`),
  fiscalCode,
  email: required("Inserisci l'indirizzo e-mail.")
    .max(254, "L'indirizzo e-mail è troppo lungo.")
    .pipe(z.email("L'indirizzo e-mail non è valido.")),
  phone,
  agencyId: required("Scegli l'ASR di competenza.").pipe(z.uuid("Scegli l'ASR di competenza.")),
  categoryCode: required('Scegli la tipologia del problema.').max(60, 'Scegli la tipologia del problema.'),
  description: required('Descrivi il problema riscontrato.').max(DESCRIPTION_MAX, `La descrizione può avere al massimo ${DESCRIPTION_MAX} caratteri.`),
  [HONEYPOT_FIELD]: z.string().max(1000).optional().default(''),
});

export type RequestForm = z.output<typeof requestForm>;

/** Field name → Italian message, the first issue of each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** A citizen's answer in his thread. */
export const answerBody = z.object({
  body: z
    .string({ error: 'Scrivi la risposta.' })
    .trim()
    .min(1, 'Scrivi la risposta.')
    .max(ANSWER_MAX, `La risposta può avere al massimo ${ANSWER_MAX} caratteri.`),
});
