/**
 * Reads a beneficiaries file as it arrives (csv-parse on the upload stream): never the whole file
 * in memory, rows handed on in batches with back-pressure. Header row required; ";" or ","
 * (whichever the header uses); UTF-8 with or without BOM.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Info, parse } from 'csv-parse';
import { RuleViolation } from '../../../platform/http/errors.js';
import { type CheckedRow, checkRow, mapHeader } from './beneficiary-row.js';

export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  /** One line: far above six fields, low enough to stop a file that is not a list of rows. */
  maxLineChars: 4096,
} as const;

export interface ParsedRow {
  /** The row's line in the file (the header is line 1), as a spreadsheet numbers it. */
  line: number;
  row: CheckedRow;
}

export interface ParseOptions {
  batchSize: number;
  maxRows?: number;
  onBatch: (rows: ParsedRow[]) => Promise<void>;
}

export const refusals = {
  notCsv: (hint = '') => new RuleViolation('import_not_csv', `Il file non è un CSV di testo${hint}.`),
  empty: () => new RuleViolation('import_empty', 'Il file è vuoto: deve contenere l’intestazione e almeno una riga.'),
  noRows: () => new RuleViolation('import_no_rows', 'Il file contiene solo l’intestazione: nessun beneficiario da importare.'),
  header: (message: string) => new RuleViolation('import_header_invalid', message),
  tooManyRows: (max: number) =>
    new RuleViolation('import_too_many_rows', `Il file supera il limite di ${max.toLocaleString('it-IT')} righe: dividilo in più file.`),
  malformed: (line: number | undefined, detail: string) =>
    new RuleViolation('import_csv_malformed', `Il file CSV non è leggibile${line ? ` alla riga ${line}` : ''}: ${detail}.`),
};

const HEAD_BYTES = 64 * 1024;

/** The separator the header row uses: ";" (Italian Excel) unless it has more commas. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const semicolons = headerLine.split(';').length - 1;
  const commas = headerLine.split(',').length - 1;
  return commas > semicolons ? ',' : ';';
}

function refuseBinary(head: Buffer) {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw refusals.notCsv(': sembra un foglio Excel, salvalo come «CSV UTF-8»');
  }
  if (head.includes(0)) throw refusals.notCsv();
}

/** The message of a csv-parse error, in Italian. */
function malformed(error: { code?: string; lines?: number }): RuleViolation {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return refusals.malformed(error.lines, 'virgolette aperte e mai chiuse');
    case 'CSV_MAX_RECORD_SIZE':
      return refusals.malformed(error.lines, `una riga supera ${IMPORT_LIMITS.maxLineChars} caratteri`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return refusals.malformed(error.lines, 'virgolette in una posizione non valida');
    default:
      return refusals.malformed(error.lines, 'formato non valido');
  }
}

/**
 * Parses `source` and hands its checked rows to `onBatch`, `batchSize` at a time, waiting for each
 * batch to be stored before reading on. Refuses (RuleViolation) a file that is not CSV, has no valid
 * header or no rows, or more than `maxRows` rows. Returns the number of rows.
 */
export async function parseBeneficiaryCsv(source: AsyncIterable<Buffer>, options: ParseOptions): Promise<number> {
  const maxRows = options.maxRows ?? IMPORT_LIMITS.maxRows;
  const input = source[Symbol.asyncIterator]();

  // The head (up to the first line break) tells the separator, and whether this is text at all.
  let head = Buffer.alloc(0);
  while (!head.includes(0x0a) && head.length < HEAD_BYTES) {
    const next = await input.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  if (head.toString('utf8').replace(/^\uFEFF/, '').trim() === '') throw refusals.empty();
  refuseBinary(head);
  const firstLine = head.toString('utf8').split('\n')[0] ?? '';

  const chunks = async function* () {
    yield head;
    for (;;) {
      const next = await input.next();
      if (next.done) return;
      yield next.value;
    }
  };
  const parser = parse({
    delimiter: detectDelimiter(firstLine),
    bom: true,
    info: true,
    trim: true,
    relax_column_count: true,
    // A stray quote inside a cell (D"Amico) stays a character of it; the row's checks judge it.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: IMPORT_LIMITS.maxLineChars,
  });
  const feeding = pipeline(Readable.from(chunks()), parser);
  feeding.catch(() => {}); // its failure surfaces in the loop below

  let columns: ReturnType<typeof mapHeader> | null = null;
  let batch: ParsedRow[] = [];
  let rows = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!columns) {
        columns = mapHeader(item.record);
        if (!columns.ok) throw refusals.header(columns.message);
        continue;
      }
      if (!columns.ok) continue;
      rows++;
      if (rows > maxRows) throw refusals.tooManyRows(maxRows);
      batch.push({ line: item.info.lines, row: checkRow(item.record, columns.columns) });
      if (batch.length >= options.batchSize) {
        await options.onBatch(batch);
        batch = [];
      }
    }
    await feeding;
  } catch (error) {
    parser.destroy();
    if (error instanceof RuleViolation) throw error;
    if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('CSV_')) {
      throw malformed(error as { code: string; lines?: number });
    }
    throw error;
  }
  if (!columns) throw refusals.empty();
  if (batch.length > 0) await options.onBatch(batch);
  if (rows === 0) throw refusals.noRows();
  return rows;
}
