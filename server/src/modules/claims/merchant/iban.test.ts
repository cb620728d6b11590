import { describe, expect, it } from 'vitest';
import { checkItalianIban, cinOf, ibanCheckDigits, normalizeIban } from './iban.js';

/** An Italian IBAN built from ABI + CAB + account, with its CIN and check digits computed. */
function ibanOf(abiCabAccount: string, cin = cinOf(abiCabAccount)): string {
  const bban = cin + abiCabAccount;
  return `IT${ibanCheckDigits(bban)}${bban}`;
}

describe('Italian IBAN', () => {
  it('accepts real Italian IBANs, typed with spaces and in lower case', () => {
    // The example the Italian banks print on their forms.
    expect(checkItalianIban('IT60X0542811101000000123456')).toEqual({ valid: true, iban: 'IT60X0542811101000000123456' });
    expect(checkItalianIban(' it60 x054 2811 1010 0000 0123 456 ')).toEqual({ valid: true, iban: 'IT60X0542811101000000123456' });
    // Built with ibanOf below; its mod-97 remainder (1) was checked separately with Python big integers.
    expect(checkItalianIban('IT13K0306909606100000063489')).toEqual({ valid: true, iban: 'IT13K0306909606100000063489' });
    expect(ibanOf('0306909606100000063489')).toBe('IT13K0306909606100000063489');
  });

  it('computes the CIN of the classic example and accepts an account number with letters', () => {
    expect(cinOf('0542811101000000123456')).toBe('X');
    const withLetters = ibanOf('0100503382000000CC1234');
    expect(checkItalianIban(withLetters)).toEqual({ valid: true, iban: withLetters });
  });

  it('refuses wrong check digits', () => {
    const check = checkItalianIban('IT61X0542811101000000123456');
    expect(check).toEqual({ valid: false, message: expect.stringMatching(/^IBAN non valido: le cifre di controllo/) });
  });

  it('refuses a wrong CIN even when the check digits were computed over it', () => {
    const wrongCin = ibanOf('0542811101000000123456', 'Y');
    expect(wrongCin.slice(4, 5)).toBe('Y');
    expect(checkItalianIban(wrongCin)).toEqual({ valid: false, message: expect.stringMatching(/^IBAN non valido: il carattere di controllo CIN/) });
  });

  it('refuses a single mistyped digit', () => {
    expect(checkItalianIban('IT60X0542811101000000123457').valid).toBe(false);
    expect(checkItalianIban('IT60X0542811101000000132456').valid).toBe(false);
  });

  it('says what is wrong with the length, the country and the shape', () => {
    expect(checkItalianIban('')).toEqual({ valid: false, message: "Inserisci l'IBAN." });
    expect(checkItalianIban('DE89370400440532013000')).toEqual({ valid: false, message: 'IBAN non valido: deve essere un IBAN italiano (inizia con IT).' });
    expect(checkItalianIban('IT60X054281110100000012345')).toEqual({ valid: false, message: 'IBAN non valido: un IBAN italiano ha 27 caratteri, questo ne ha 26.' });
    expect(checkItalianIban('IT6XX0542811101000000123456')).toEqual({ valid: false, message: expect.stringMatching(/^IBAN non valido: dopo IT servono 2 cifre/) });
    expect(checkItalianIban('IT6010542811101000000123456').valid).toBe(false); // a digit where the CIN letter goes
    expect(checkItalianIban('IT60X05428111010000001234-6').valid).toBe(false);
  });

  it('normalises to upper case without spaces', () => {
    expect(normalizeIban('it60 x054\t2811')).toBe('IT60X0542811');
  });
});
