import { describe, expect, it } from 'vitest';
import { isValidItalianIban, normaliseIban } from './iban';

describe("the debtor's IBAN", () => {
  it('is read without spaces and in upper case, as people copy it', () => {
    expect(normaliseIban(' it60 x054 2811 1010 0000 0123 456 ')).toBe('IT60X0542811101000000123456');
  });

  it('accepts a correct Italian IBAN, however typed', () => {
    expect(isValidItalianIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidItalianIban('it60 x054 2811 1010 0000 0123 456')).toBe(true);
  });

  it('refuses a wrong check digit or a swapped character', () => {
    expect(isValidItalianIban('IT61X0542811101000000123456')).toBe(false);
    expect(isValidItalianIban('IT60X0542811101000000123465')).toBe(false);
  });

  it('refuses the wrong length and foreign IBANs (the SEPA file debits an Italian account)', () => {
    expect(isValidItalianIban('IT60X054281110100000012345')).toBe(false);
    expect(isValidItalianIban('DE89370400440532013000')).toBe(false);
    expect(isValidItalianIban('')).toBe(false);
  });
});
