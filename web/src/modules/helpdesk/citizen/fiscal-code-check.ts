/**
 * The codice fiscale of a natural person (DM 23/12/1976), checked as the server checks it
 * (server/src/shared/fiscal-code.ts): 16 characters, the shape with omocodia letters, a day of
 * birth that exists, the check letter. The web app cannot import server code, so the rule is
 * repeated here; the server decides anyway.
 */
const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export type FiscalCodeProblem = 'length' | 'format' | 'checkCharacter';

/** "rss mra…" as typed → "RSSMRA…": spaces and case are not part of the code. */
export function normaliseFiscalCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i] ?? '';
    // Positions are counted from 1: the odd ones are the even indexes.
    sum += i % 2 === 0 ? (ODD_VALUES[c] ?? 0) : c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Day of birth (women +40), with omocodia letters read back as digits. */
function birthDay(code: string): number {
  const digit = (c: string) => {
    const i = OMOCODIA_LETTERS.indexOf(c);
    return i >= 0 ? String(i) : c;
  };
  return Number(digit(code[9] ?? '') + digit(code[10] ?? ''));
}

export function fiscalCodeProblem(input: string): FiscalCodeProblem | null {
  const code = normaliseFiscalCode(input);
  if (code.length !== 16) return 'length';
  if (!SHAPE.test(code)) return 'format';
  const day = birthDay(code);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'format';
  if (checkCharacter(code.slice(0, 15)) !== code[15]) return 'checkCharacter';
  return null;
}
