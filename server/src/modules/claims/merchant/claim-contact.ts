import type { FieldErrors } from '../../../platform/http/errors.js';
import { checkItalianIban } from './iban.js';

/** The same shape the outbox accepts: an address the e-mails about the claim can go to. */
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export type EmailCheck = { valid: true; email: string } | { valid: false; message: string };

export function checkEmail(input: string): EmailCheck {
  const email = input.trim();
  if (email.length === 0) return { valid: false, message: "Inserisci l'indirizzo e-mail." };
  if (email.length > 254 || !EMAIL.test(email)) return { valid: false, message: 'Indirizzo e-mail non valido (es. nome@dominio.it).' };
  return { valid: true, email };
}

/**
 * IBAN and e-mail of a claim as typed ("obbligatori", seed 000 §09), checked together so the form
 * shows every mistake at once. Only the fields given are checked.
 */
export function checkContact(input: { iban?: string; email?: string }): { iban?: string; email?: string; errors: FieldErrors | null } {
  const errors: FieldErrors = {};
  const out: { iban?: string; email?: string } = {};
  if (input.iban !== undefined) {
    const iban = checkItalianIban(input.iban);
    if (iban.valid) out.iban = iban.iban;
    else errors.iban = iban.message;
  }
  if (input.email !== undefined) {
    const email = checkEmail(input.email);
    if (email.valid) out.email = email.email;
    else errors.email = email.message;
  }
  return { ...out, errors: Object.keys(errors).length > 0 ? errors : null };
}
