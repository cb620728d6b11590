/**
 * IBAN and Email of a claim, as typed: the browser only says what is missing; the server checks the
 * IBAN (Italian, check digits) and the address and answers on the field.
 */
export interface ContactValues {
  iban: string;
  email: string;
}

export type ContactField = keyof ContactValues;

/** "IT60 x054 2811…" → "IT60X0542811…": spaces are how people copy an IBAN, not part of it. */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** "IT60X0542811101000000123456" → "IT60 X054 2811 1010 0000 0123 456", easier to read back. */
export function groupIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The fields left empty, in the order of the form (the first one gets the focus). */
export function missingContactFields(values: ContactValues, ibanEditable: boolean): ContactField[] {
  const missing: ContactField[] = [];
  if (ibanEditable && normaliseIban(values.iban) === '') missing.push('iban');
  if (values.email.trim() === '') missing.push('email');
  return missing;
}
