/**
 * Italian IBAN (27 characters): IT, 2 check digits (ISO 13616, ISO 7064 mod 97-10), then the
 * Italian BBAN: the CIN check letter, ABI (5 digits), CAB (5 digits), account number (12
 * alphanumerics). Both checks are verified, so a mistyped character is caught before any transfer.
 */

const SHAPE = /^IT[0-9]{2}[A-Z][0-9]{10}[0-9A-Z]{12}$/;

/** CIN: values of the characters in odd positions (1st, 3rd, ...), the same table as the codice fiscale's. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Digits count 0–9, letters A–Z count 0–25 (the CIN's value of a character). */
function cinIndex(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
}

/** The CIN letter of ABI + CAB + account (22 characters). */
export function cinOf(abiCabAccount: string): string {
  let sum = 0;
  for (let i = 0; i < abiCabAccount.length; i++) {
    const value = cinIndex(abiCabAccount[i] as string);
    sum += i % 2 === 0 ? (ODD_VALUES[value] as number) : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** ISO 7064 mod 97-10 over the IBAN moved to "BBAN + country + check digits", letters as 10–35. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const c of rearranged) {
    const value = c >= '0' && c <= '9' ? c : String(c.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** The two check digits of an Italian IBAN with this BBAN (CIN + ABI + CAB + account). */
export function ibanCheckDigits(bban: string): string {
  return String(98 - mod97(`IT00${bban}`)).padStart(2, '0');
}

/** Spaces (as printed on bank documents) dropped, upper case. */
export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export type IbanCheck = { valid: true; iban: string } | { valid: false; message: string };

/** Checks an Italian IBAN as typed; the message says what is wrong, in Italian. */
export function checkItalianIban(input: string): IbanCheck {
  const iban = normalizeIban(input);
  if (iban.length === 0) return { valid: false, message: "Inserisci l'IBAN." };
  if (!iban.startsWith('IT')) return { valid: false, message: 'IBAN non valido: deve essere un IBAN italiano (inizia con IT).' };
  if (iban.length !== 27) {
    return { valid: false, message: `IBAN non valido: un IBAN italiano ha 27 caratteri, questo ne ha ${iban.length}.` };
  }
  if (!SHAPE.test(iban)) {
    return {
      valid: false,
      message: 'IBAN non valido: dopo IT servono 2 cifre di controllo, la lettera CIN, 5 cifre ABI, 5 cifre CAB e 12 caratteri del numero di conto.',
    };
  }
  if (mod97(iban) !== 1) return { valid: false, message: 'IBAN non valido: le cifre di controllo non corrispondono (controlla di averlo copiato correttamente).' };
  if (cinOf(iban.slice(5)) !== iban[4]) {
    return { valid: false, message: 'IBAN non valido: il carattere di controllo CIN non corrisponde (controlla di averlo copiato correttamente).' };
  }
  return { valid: true, iban };
}
