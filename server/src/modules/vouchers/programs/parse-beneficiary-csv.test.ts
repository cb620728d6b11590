import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, type ParsedRow, parseBeneficiaryCsv } from './parse-beneficiary-csv.js';
import { beneficiaryFor, csvOf } from './test-support.js';

/** Feeds `text` in small chunks, as a network upload arrives. */
function chunked(text: string | Buffer, size = 7): AsyncIterable<Buffer> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function parseAll(text: string | Buffer, options: { batchSize?: number; maxRows?: number } = {}) {
  const batches: ParsedRow[][] = [];
  const total = await parseBeneficiaryCsv(chunked(text), {
    batchSize: options.batchSize ?? 1000,
    maxRows: options.maxRows,
    onBatch: async (rows) => {
      batches.push(rows);
    },
  });
  return { total, batches, rows: batches.flat() };
}

describe('reading a beneficiaries file as it arrives', () => {
  it('reads ";" and "," files, with or without BOM, and numbers rows by their line in the file', async () => {
    const rows = [beneficiaryFor(1), beneficiaryFor(2)];
    for (const text of [csvOf(rows, ';'), csvOf(rows, ','), `\uFEFF${csvOf(rows, ';')}`]) {
      const { total, rows: parsed } = await parseAll(text);
      expect(total).toBe(2);
      expect(parsed.map((r) => [r.line, r.row.fiscalCode, r.row.reasons])).toEqual([
        [2, rows[0]!.fiscalCode, []],
        [3, rows[1]!.fiscalCode, []],
      ]);
    }
  });

  it('skips blank lines (and rows of empty cells) but keeps the file’s line numbers; reads quoted cells', async () => {
    const text = `codice fiscale;numero tessera sanitaria;nome;cognome;cellulare;data di attivazione\n\n;;;;;\n${[
      beneficiaryFor(1).fiscalCode,
      beneficiaryFor(1).healthCard,
      '"Anna; Maria"',
      '"D\'Amico"',
      '3331000001',
      '2026-03-15',
    ].join(';')}\n`;
    const { rows } = await parseAll(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(4);
    expect(rows[0]!.row.givenName).toBe('Anna; Maria');
    expect(rows[0]!.row.reasons.map((r) => r.code)).toEqual(['given_name_invalid']);
  });

  it('hands rows on in batches, and reads on only once a batch is stored (back-pressure)', async () => {
    const text = csvOf(Array.from({ length: 25 }, (_, i) => beneficiaryFor(i)));
    let storing = false;
    const sizes: number[] = [];
    await parseBeneficiaryCsv(chunked(text, 64), {
      batchSize: 10,
      onBatch: async (rows) => {
        expect(storing).toBe(false);
        storing = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        sizes.push(rows.length);
        storing = false;
      },
    });
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('refuses a file without header, with a header missing columns, empty, or with the header only', async () => {
    const data = csvOf([beneficiaryFor(1)]).split('\r\n').slice(1).join('\r\n');
    await expect(parseAll(data)).rejects.toMatchObject({ code: 'import_header_invalid', message: expect.stringMatching(/^La prima riga deve essere l'intestazione/) });
    await expect(parseAll('codice fiscale;nome;cognome\nX;Y;Z\n')).rejects.toMatchObject({ code: 'import_header_invalid' });
    await expect(parseAll('')).rejects.toMatchObject({ code: 'import_empty', status: 422 });
    await expect(parseAll('\uFEFF\r\n')).rejects.toMatchObject({ code: 'import_empty' });
    await expect(parseAll(csvOf([]))).rejects.toMatchObject({ code: 'import_no_rows' });
  });

  it('refuses more rows than the limit, and a spreadsheet or binary file', async () => {
    const text = csvOf(Array.from({ length: 6 }, (_, i) => beneficiaryFor(i)));
    await expect(parseAll(text, { maxRows: 6 })).resolves.toMatchObject({ total: 6 });
    await expect(parseAll(text, { maxRows: 5 })).rejects.toMatchObject({ code: 'import_too_many_rows', message: 'Il file supera il limite di 5 righe: dividilo in più file.' });
    await expect(parseAll(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).rejects.toMatchObject({
      code: 'import_not_csv',
      message: 'Il file non è un CSV di testo: sembra un foglio Excel, salvalo come «CSV UTF-8».',
    });
    await expect(parseAll(Buffer.from('codice fiscale\u0000;nome\n'))).rejects.toMatchObject({ code: 'import_not_csv' });
  });

  it('refuses a quote left open, saying where', async () => {
    const text = `${csvOf([beneficiaryFor(1)])}"${beneficiaryFor(2).fiscalCode};x\n`;
    await expect(parseAll(text)).rejects.toMatchObject({ code: 'import_csv_malformed', message: expect.stringMatching(/virgolette aperte e mai chiuse/) });
  });

  it('marks rows of a file that is not UTF-8 (Windows-1252 "Nicolò")', async () => {
    const text = Buffer.concat([Buffer.from(csvOf([]).trimEnd() + '\r\n'), Buffer.from(`${beneficiaryFor(1).fiscalCode};${beneficiaryFor(1).healthCard};Nicol`), Buffer.from([0xf2]), Buffer.from(';Rossi;3331000001;15/03/2026\r\n')]);
    const { rows } = await parseAll(text);
    expect(rows[0]!.row.reasons.map((r) => r.code)).toEqual(['encoding', 'given_name_invalid']);
  });

  it('takes the separator the header uses', () => {
    expect(detectDelimiter('codice fiscale;nome;cognome')).toBe(';');
    expect(detectDelimiter('codice fiscale,nome,cognome')).toBe(',');
    expect(detectDelimiter('"Cognome, Nome";codice fiscale;x')).toBe(';');
  });
});
