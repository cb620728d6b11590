/** A codice fiscale has 16 characters; the server checks the rest (pattern, check character). */
export const FISCAL_CODE_LENGTH = 16;

/** What the user types, as the server stores it: no spaces, upper case. */
export function normaliseFiscalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}
