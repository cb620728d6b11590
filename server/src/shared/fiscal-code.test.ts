import { describe, expect, it } from 'vitest';
import { checkFiscalCode, fiscalCodeCheckCharacter, withoutOmocodia } from './fiscal-code.js';

// Well-known published examples.
describe('codice fiscale', () => {
  it('accepts valid codes, lower case and spaces included', () => {
    expect(checkFiscalCode('RSSMRA85T10A562S')).toEqual({ valid: true, code: 'RSSMRA85T10A562S' });
    expect(checkFiscalCode('rssmra85t10a562s').valid).toBe(true);
    expect(checkFiscalCode('RSS MRA 85T10 A562S').valid).toBe(true);
  });

  it('computes the check character', () => {
    expect(fiscalCodeCheckCharacter('RSSMRA85T10A562')).toBe('S');
    expect(fiscalCodeCheckCharacter('MRTMTT25D09F205')).toBe('Z');
  });

  it('refuses a wrong check character', () => {
    const r = checkFiscalCode('RSSMRA85T10A562T');
    expect(r).toMatchObject({ valid: false, reason: 'check_character' });
  });

  it('refuses wrong length and shape', () => {
    expect(checkFiscalCode('RSSMRA85T10A562')).toMatchObject({ valid: false, reason: 'length' });
    expect(checkFiscalCode('RSSMRA85Z10A562S')).toMatchObject({ valid: false, reason: 'format' }); // Z is no month
    expect(checkFiscalCode('1SSMRA85T10A562S')).toMatchObject({ valid: false, reason: 'format' });
    expect(checkFiscalCode('RSSMRA85T99A562S')).toMatchObject({ valid: false, reason: 'format' }); // day 99
  });

  it('accepts omocodia codes and maps them back to the base code', () => {
    // RSSMRA85T10A562S with its last digit 2 → N (omocodia), check letter recomputed.
    const first15 = 'RSSMRA85T10A56N';
    const omocode = first15 + fiscalCodeCheckCharacter(first15);
    expect(checkFiscalCode(omocode).valid).toBe(true);
    expect(withoutOmocodia(omocode)).toBe('RSSMRA85T10A562S');
  });

  it('for every position, changing any character changes validity (the check letter catches it)', () => {
    const code = 'RSSMRA85T10A562S';
    for (let i = 0; i < 15; i++) {
      const c = code[i] as string;
      const replacement = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
      const changed = code.slice(0, i) + replacement + code.slice(i + 1);
      const r = checkFiscalCode(changed);
      expect(r.valid, `position ${i}: ${changed}`).toBe(false);
    }
  });
});
