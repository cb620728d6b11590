/**
 * The debtor's IBAN as typed ("IT60 X054 2811 1010 0000 0123 456"): spaces out, upper case. The
 * server checks it fully (CIN letter included) and answers on the field; this check only spares
 * the confirmation and a round trip for a mistyped one.
 */
export function normaliseIban(value: string): string {
  return value.replace(/[\s\u00a0]/g, '').toUpperCase();
}

const ITALIAN = /^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/;

/** An Italian IBAN (27 characters) whose check digits agree (ISO 13616, mod 97). */
export function isValidItalianIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!ITALIAN.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
