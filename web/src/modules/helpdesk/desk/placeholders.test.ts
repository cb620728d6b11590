import { describe, expect, it } from 'vitest';
import { fillPlaceholders, insertReply, placeholdersOf, placeholderValue, unfilledPlaceholders } from './placeholders';

const REPORT = 'Il referto è stato prodotto in data {{data}} e ha il seguente identificativo {{identificativo}}. Riferimento {{ data }}.';

describe('canned reply placeholders', () => {
  it('lists each placeholder once, in order, whatever the spacing', () => {
    expect(placeholdersOf(REPORT)).toEqual(['data', 'identificativo']);
    expect(placeholdersOf('Nessun segnaposto, solo {parentesi}.')).toEqual([]);
  });

  it('counts any {{…}} as a placeholder, as the server does, so an unknown one is never sent', () => {
    expect(placeholdersOf('IUV {{IUV}} e {{ numero ticket }} e {{}}')).toEqual(['IUV', 'numero ticket', '']);
    expect(unfilledPlaceholders('Ticket {{ numero ticket }}', { iuv: '123' })).toEqual(['numero ticket']);
  });

  it('fills every occurrence, writing a date as dd/mm/yyyy', () => {
    expect(fillPlaceholders(REPORT, { data: '2026-11-20', identificativo: 'ROL-4471' })).toBe(
      'Il referto è stato prodotto in data 20/11/2026 e ha il seguente identificativo ROL-4471. Riferimento 20/11/2026.',
    );
  });

  it('leaves a blank or missing value as a placeholder, so it is still seen as missing', () => {
    const filled = fillPlaceholders(REPORT, { data: '  ', identificativo: 'ROL-1' });
    expect(filled).toContain('{{data}}');
    expect(unfilledPlaceholders(REPORT, { identificativo: 'ROL-1' })).toEqual(['data']);
    expect(unfilledPlaceholders(REPORT, { data: '2026-01-02', identificativo: 'X' })).toEqual([]);
  });

  it('keeps a typed value as typed (trimmed), dates not in ISO form included', () => {
    expect(placeholderValue('data', ' 20/11/26 ')).toBe('20/11/26');
    expect(placeholderValue('iuv', ' 0123 4567 ')).toBe('0123 4567');
    expect(placeholderValue('identificativo', '2026-11-20')).toBe('2026-11-20');
  });

  it('does not let a value be read as another placeholder', () => {
    expect(fillPlaceholders('{{iuv}} {{data}}', { iuv: '{{data}}', data: '2026-01-02' })).toBe('{{data}} 02/01/2026');
  });

  it('puts a reply in an empty editor, or after the text already written', () => {
    expect(insertReply('  ', 'Risposta')).toBe('Risposta');
    expect(insertReply('Gentile utente,\n', 'Risposta')).toBe('Gentile utente,\n\nRisposta');
  });
});
