/**
 * The CSV report of an import's rejected rows ("righe scartate"): semicolon-separated with a BOM,
 * as Italian Excel opens it, one line per rejected row with its reasons. Streamed: the rows are
 * read from the database a chunk at a time as the client takes them.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ImportsRepository, RejectedRow } from './imports.repository.js';

const CHUNK = 1000;

export const REPORT_HEADER = ['Riga', 'Codice fiscale', 'Numero tessera sanitaria', 'Nome', 'Cognome', 'Cellulare', 'Data di attivazione', 'Motivo'];

/**
 * A cell a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") is written with a leading
 * apostrophe; phone numbers ("+39 333…") and plain numbers are left as they are.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?[\d\s]+$/.test(value) ? `'${value}` : value;
}

function line(row: RejectedRow): string[] {
  return [
    String(row.line),
    ...[row.fiscalCode, row.healthCardNumber, row.givenName, row.familyName, row.mobilePhone, row.activationDate].map(safeCell),
    row.reasons.join(' '),
  ];
}

export function rejectedReport(imports: ImportsRepository, importId: string): Readable {
  async function* rows() {
    yield REPORT_HEADER;
    let after = 0;
    for (;;) {
      const chunk = await imports.rejectedAfter(importId, after, CHUNK);
      for (const row of chunk) yield line(row);
      if (chunk.length < CHUNK) return;
      after = chunk[chunk.length - 1]!.line;
    }
  }
  const csv = stringify({ delimiter: ';', bom: true, record_delimiter: '\r\n' });
  Readable.from(rows()).on('error', (error) => csv.destroy(error)).pipe(csv);
  return csv;
}

/** "beneficiari marzo.csv" → "righe-scartate-beneficiari_marzo.csv" (ASCII for Content-Disposition). */
export function reportFileName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 80);
  return `righe-scartate-${base || 'importazione'}.csv`;
}
