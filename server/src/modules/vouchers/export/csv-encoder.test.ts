import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CsvEncoder } from './csv-encoder.js';
import { type ExportRow, inertText, italianAmount, italianDateTime, spreadsheetDate } from './export-row.js';

const row = (overrides: Partial<ExportRow>): ExportRow => ({
  romeTime: '2019-01-10T09:00:00',
  code: 'MOV-0A1B2C3D',
  voucherCode: 'VS-1',
  fiscalCode: 'RSSLRA91A62F839W',
  kind: 'acquisto',
  status: 'confermato',
  amountCents: 100,
  ...overrides,
});

/** The bytes as written (TextDecoder would drop the byte order mark). */
const encode = async (batches: ExportRow[][], encoder = new CsvEncoder()) =>
  (await buffer(Readable.from(batches, { objectMode: true }).pipe(encoder))).toString('utf8');

describe('export formats', () => {
  it('writes amounts and Rome times the Italian way', () => {
    expect(italianAmount(5)).toBe('0,05');
    expect(italianAmount(123456)).toBe('1.234,56');
    expect(italianAmount(100_000_000)).toBe('1.000.000,00');
    expect(italianDateTime('2019-07-01T23:30:59')).toBe('01/07/2019 23:30');
    expect(spreadsheetDate('2019-07-01T23:30:00').toISOString()).toBe('2019-07-01T23:30:00.000Z');
  });

  it('makes text a spreadsheet would run as a formula inert, and leaves the rest alone', () => {
    for (const formula of ['=1+1', '+39', '-2', '@SUM(A1)', '\tx', '\rx']) expect(inertText(formula)).toBe(`'${formula}`);
    for (const plain of ['VS-1', 'MOV-0A1B2C3D', "'già", '']) expect(inertText(plain)).toBe(plain);
  });

  it('quotes a field holding the separator, a quote or a line break', async () => {
    const csv = await encode([[row({ voucherCode: 'VS;1' }), row({ voucherCode: 'VS "2"' }), row({ voucherCode: 'VS\r\n3' })]]);
    expect(csv.split('\r\n').slice(1, 4).map((line) => line.split(';')[2])).toEqual(['"VS', '"VS ""2"""', '"VS']);
    expect(csv).toContain(';"VS;1";');
    expect(csv).toContain(';"VS\r\n3";');
  });

  it('counts the rows and writes the header once, across batches', async () => {
    const encoder = new CsvEncoder();
    const csv = await encode([[row({})], [row({}), row({})], []], encoder);
    expect(encoder.rows).toBe(3);
    expect(csv.match(/Data e ora/g)).toHaveLength(1);
    expect(csv.startsWith('\uFEFFData e ora;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
  });
});
