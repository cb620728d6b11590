import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckCharacter } from '../../../shared/fiscal-code.js';
import { checkRow, mapHeader, normaliseMobilePhone, parseActivationDate } from './beneficiary-row.js';
import { fiscalCodeFor, healthCardFor } from './test-support.js';

const header = ['codice fiscale', 'numero tessera sanitaria', 'nome', 'cognome', 'cellulare', 'data di attivazione'];
const columns = (() => {
  const mapped = mapHeader(header);
  if (!mapped.ok) throw new Error(mapped.message);
  return mapped.columns;
})();

const good = [fiscalCodeFor(1), healthCardFor(1), 'Maria', 'Rossi', '333 100 0013', '15/03/2026'];
const withCell = (index: number, value: string) => good.map((v, i) => (i === index ? value : v));
const codes = (record: string[]) => checkRow(record, columns).reasons.map((r) => r.code);

describe('the header row', () => {
  it('finds each column whatever its order, case, accents and separators, ignoring extra columns', () => {
    const mapped = mapHeader(['Cellulare', 'NOTE', 'Data_Attivazione', 'Cognome', 'Nome', 'N. Tessera Sanitaria', 'Codice Fiscale']);
    expect(mapped).toEqual({
      ok: true,
      columns: { mobilePhone: 0, activationDate: 2, familyName: 3, givenName: 4, healthCard: 5, fiscalCode: 6 },
    });
  });

  it('names the missing columns, a repeated one, or asks for a header when the first row is data', () => {
    expect(mapHeader(['codice fiscale', 'nome', 'cognome', 'cellulare'])).toEqual({
      ok: false,
      message: 'Mancano le colonne «numero tessera sanitaria», «data di attivazione».',
    });
    expect(mapHeader([...header.slice(0, 5)])).toEqual({ ok: false, message: 'Manca la colonna «data di attivazione».' });
    expect(mapHeader([...header, 'Nome'])).toEqual({ ok: false, message: "La colonna «nome» compare due volte nell'intestazione." });
    const data = mapHeader(good);
    expect(data.ok).toBe(false);
    expect(!data.ok && data.message).toMatch(/^La prima riga deve essere l'intestazione/);
  });
});

describe('one row', () => {
  it('accepts a good row and normalises it: codice fiscale upper case, phone E.164, date ISO', () => {
    const row = checkRow([` ${fiscalCodeFor(1).toLowerCase()} `, '8038 0000 0000 0000 0001', ' Maria  Grazia ', "D'Amico", '+39 333-100.0013', '5/3/2026'], columns);
    expect(row).toEqual({
      fiscalCode: fiscalCodeFor(1),
      fiscalCodeValid: true,
      healthCard: '80380000000000000001',
      healthCardValid: true,
      givenName: 'Maria Grazia',
      familyName: "D'Amico",
      mobilePhone: '+393331000013',
      activationText: '5/3/2026',
      activationDate: '2026-03-05',
      reasons: [],
    });
  });

  it('accepts a codice fiscale with omocodia (digits replaced by letters) when its check letter is right', () => {
    const omocodia = `RSSMRA85T10F83V`; // F839 → F83V
    const code = omocodia + fiscalCodeCheckCharacter(omocodia);
    expect(codes(withCell(0, code))).toEqual([]);
    expect(codes(withCell(0, `${omocodia}${code.endsWith('A') ? 'B' : 'A'}`))).toEqual(['fiscal_code_check_character']);
  });

  it.each([
    [0, '', 'fiscal_code_missing'],
    [0, 'RSSMRA85T10F839', 'fiscal_code_length'],
    [0, 'RSSMRA85Z10F839X', 'fiscal_code_format'],
    [0, `${fiscalCodeFor(1).slice(0, 15)}${fiscalCodeFor(1).endsWith('Z') ? 'A' : 'Z'}`, 'fiscal_code_check_character'],
    [1, '', 'health_card_missing'],
    [1, '8038000000000000001', 'health_card_invalid'],
    [1, '8038000000000000000A', 'health_card_invalid'],
    [2, '', 'given_name_missing'],
    [2, 'Maria2', 'given_name_invalid'],
    [2, '=HYPERLINK("x")', 'given_name_invalid'],
    [2, 'M'.repeat(101), 'given_name_too_long'],
    [3, '', 'family_name_missing'],
    [4, '', 'mobile_phone_missing'],
    [4, '081 5551234', 'mobile_phone_invalid'],
    [4, '+41 79 123 45 67', 'mobile_phone_invalid'],
    [4, '33312', 'mobile_phone_invalid'],
    [5, '', 'activation_date_missing'],
    [5, '31/02/2026', 'activation_date_invalid'],
    [5, '2026/03/15', 'activation_date_invalid'],
    [5, '15-03-2026', 'activation_date_invalid'],
    [5, '15/03/1999', 'activation_date_out_of_range'],
  ])('column %i = %j is rejected as %s', (index, value, code) => {
    expect(codes(withCell(index, value))).toEqual([code]);
  });

  it('gives every reason of a row, each with its Italian message, and keeps what was written', () => {
    const row = checkRow(['ABC', '123', 'Maria', 'Rossi', '0815551234', '32/01/2026'], columns);
    expect(row.reasons).toEqual([
      { code: 'fiscal_code_length', message: 'Il codice fiscale deve essere di 16 caratteri.' },
      { code: 'health_card_invalid', message: 'Il numero della tessera sanitaria deve avere 20 cifre.' },
      { code: 'mobile_phone_invalid', message: 'Il cellulare non è un numero di cellulare italiano valido (es. 333 1234567 o +39 333 1234567).' },
      { code: 'activation_date_invalid', message: 'La data di attivazione non è valida: usa il formato gg/mm/aaaa (es. 15/03/2026).' },
    ]);
    expect([row.fiscalCode, row.healthCard, row.mobilePhone, row.activationText, row.activationDate]).toEqual(['ABC', '123', '0815551234', '32/01/2026', null]);
  });

  it('rejects a row with the replacement character of a file that is not UTF-8', () => {
    expect(codes(withCell(3, 'Nicol\uFFFD'))).toEqual(['encoding', 'family_name_invalid']);
  });

  it('reads a short row (fewer cells than the header) as missing values', () => {
    expect(codes(good.slice(0, 4))).toEqual(['mobile_phone_missing', 'activation_date_missing']);
  });
});

describe('phones and dates', () => {
  it.each([
    ['3331000013', '+393331000013'],
    ['+393331000013', '+393331000013'],
    ['0039 333 1000013', '+393331000013'],
    ['393331000013', '+393331000013'],
    ['(333) 100-0013', '+393331000013'],
    ['333 123456', '+39333123456'],
    ['3331000013999', null],
    ['+1 333 1000013', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMobilePhone(input)).toBe(expected);
  });

  it.each([
    ['15/03/2026', '2026-03-15'],
    ['2026-03-15', '2026-03-15'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2026', null],
    ['00/01/2026', null],
    ['15/13/2026', null],
    ['2026-3-15', null],
  ])('%s → %s', (input, expected) => {
    expect(parseActivationDate(input)).toBe(expected);
  });
});
