import { describe, expect, it } from 'vitest';
import { fiscalCodeProblem, normaliseFiscalCode } from './fiscal-code-check';

describe('the codice fiscale, checked as the server checks it', () => {
  it('admits a valid code, however typed, and one with omocodia', () => {
    expect(fiscalCodeProblem('RSSMRA85T10A562S')).toBeNull();
    expect(fiscalCodeProblem(' rssmra85t10a562s ')).toBeNull();
    // Women's day of birth is +40.
    expect(fiscalCodeProblem('BNCMRA80A41F205H')).toBeNull();
    // The same person as RSSMRA85T10A562S, with omocodia on the last digit (2 → N) and its check letter.
    expect(fiscalCodeProblem('RSSMRA85T10A56NH')).toBeNull();
  });

  it('says what is wrong: length, shape, day, check character', () => {
    expect(fiscalCodeProblem('')).toBe('length');
    expect(fiscalCodeProblem('RSSMRA85T10A562')).toBe('length');
    expect(fiscalCodeProblem('RSSMRA85T10A562SX')).toBe('length');
    expect(fiscalCodeProblem('RSSMRA85Z10A562S')).toBe('format');
    expect(fiscalCodeProblem('1SSMRA85T10A562S')).toBe('format');
    expect(fiscalCodeProblem('RSSMRA85T35A562S')).toBe('format');
    expect(fiscalCodeProblem('RSSMRA85T10A562T')).toBe('checkCharacter');
  });

  it('normalises spaces and case', () => {
    expect(normaliseFiscalCode('rss mra 85t10 a562s')).toBe('RSSMRA85T10A562S');
  });
});
