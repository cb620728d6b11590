import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a strong password', () => {
    expect(passwordProblems('Lampione.Verde42', ['Mario', 'Rossi', 'RSSMRA85T10F839Q'])).toEqual([]);
  });

  it('names every missing requirement', () => {
    expect(passwordProblems('abc')).toEqual([
      'Deve avere almeno 12 caratteri.',
      'Deve contenere almeno una lettera maiuscola.',
      'Deve contenere almeno un numero.',
      'Deve contenere almeno un simbolo (per esempio ! ? # . -).',
    ]);
  });

  it('refuses the person’s own name, username or codice fiscale, accents and case aside', () => {
    expect(passwordProblems('Nicolò.Bianchi2026!', ['Nicolo', 'Bianchi'])).toContain('Non deve contenere il tuo nome, cognome, username o codice fiscale.');
    expect(passwordProblems('Xx-rssmra85t10f839q', [null, 'RSSMRA85T10F839Q'])).toContain('Non deve contenere il tuo nome, cognome, username o codice fiscale.');
    expect(passwordProblems('Farmacia.Centrale1', ['farmacia.centrale'])).toContain('Non deve contenere il tuo nome, cognome, username o codice fiscale.');
  });
});
