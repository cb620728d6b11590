import { describe, expect, it } from 'vitest';
import { groupIban, missingContactFields, normaliseIban } from './contact-fields';

describe('IBAN and Email of a claim', () => {
  it('takes the IBAN without spaces, in capitals, and shows it in groups of four', () => {
    expect(normaliseIban(' it60 x054 2811 1010 0000 0123 456 ')).toBe('IT60X0542811101000000123456');
    expect(groupIban('IT60X0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
  });

  it('names the empty fields in the order of the form, leaving out an IBAN that cannot be changed', () => {
    expect(missingContactFields({ iban: '  ', email: '' }, true)).toEqual(['iban', 'email']);
    expect(missingContactFields({ iban: '', email: 'a@b.it' }, true)).toEqual(['iban']);
    expect(missingContactFields({ iban: '', email: ' ' }, false)).toEqual(['email']);
    expect(missingContactFields({ iban: 'IT60X0542811101000000123456', email: 'a@b.it' }, true)).toEqual([]);
  });
});
