/**
 * Codice fiscale of natural persons (DM 23/12/1976): 16 characters, with omocodia — when two people
 * share a code, digits are replaced by letters (LMNPQRSTUV for 0–9) from the right — and a check letter.
 */

const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Positions (0-based) that hold digits in a code without omocodia. */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export type FiscalCodeCheck =
  | { valid: true; code: string }
  | { valid: false; reason: 'length' | 'format' | 'check_character'; message: string };

function evenValue(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
}

/** The check letter of the first 15 characters. */
export function fiscalCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i] as string;
    // Positions are counted from 1: odd positions are the even indexes.
    sum += i % 2 === 0 ? (ODD_VALUES[c] ?? 0) : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The code with omocodia letters turned back into digits (the "base" code of the person). */
export function withoutOmocodia(code: string): string {
  const chars = code.split('');
  for (const p of DIGIT_POSITIONS) {
    const i = OMOCODIA_LETTERS.indexOf(chars[p] as string);
    if (i >= 0) chars[p] = String(i);
  }
  const base = chars.slice(0, 15).join('');
  return base + fiscalCodeCheckCharacter(base);
}

export function normalizeFiscalCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function checkFiscalCode(input: string): FiscalCodeCheck {
  const code = normalizeFiscalCode(input);
  if (code.length !== 16) {
    return { valid: false, reason: 'length', message: 'Il codice fiscale deve essere di 16 caratteri.' };
  }
  if (!SHAPE.test(code)) {
    return { valid: false, reason: 'format', message: 'Il codice fiscale non ha un formato valido.' };
  }
  const day = Number(withoutOmocodia(code).slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
    return { valid: false, reason: 'format', message: 'Il codice fiscale non ha un formato valido.' };
  }
  if (fiscalCodeCheckCharacter(code.slice(0, 15)) !== code[15]) {
    return {
      valid: false,
      reason: 'check_character',
      message: 'Il codice fiscale non è valido: il carattere di controllo non corrisponde.',
    };
  }
  return { valid: true, code };
}

export const MONTHS_OF_FISCAL_CODE = MONTH_LETTERS;
