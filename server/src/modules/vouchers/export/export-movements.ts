import { pipeline, Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { VoucherTables } from '../vouchers.tables.js';
import { CsvEncoder } from './csv-encoder.js';
import type { ExportRow } from './export-row.js';
import { type MovementFilters, readMovementBatches } from './movement-batches.js';
import { XlsxEncoder } from './xlsx-encoder.js';

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** How an export ended: every row written, or cut short (client gone, database error). */
export interface ExportOutcome {
  rows: number;
  completed: boolean;
  error?: Error;
}

/**
 * Batches in, file bytes out, joined by `stream.pipeline`: the encoder asks for the next batch only
 * when the reader of the returned stream has taken the previous bytes, and destroying the returned
 * stream (the client went away) stops the batches and aborts the queries still to come.
 */
export function encodeMovements(
  batches: (signal: AbortSignal) => AsyncIterable<ExportRow[]>,
  format: ExportFormat,
  options: { created: Date; onEnd?: (outcome: ExportOutcome) => void },
): Readable {
  const abort = new AbortController();
  const encoder = format === 'csv' ? new CsvEncoder() : new XlsxEncoder({ created: options.created });
  // One batch waits ahead of the encoder, not Readable.from's default of sixteen.
  return pipeline(Readable.from(batches(abort.signal), { highWaterMark: 1 }), encoder, (error) => {
    abort.abort();
    options.onEnd?.({ rows: encoder.rows, completed: !error, ...(error ? { error } : {}) });
  });
}

/** "Esporta movimenti": the merchant's movements matching the listing's filters, as a stream of CSV or XLSX. */
export function exportMovements(
  db: Kysely<VoucherTables>,
  input: { merchantId: string; filters: MovementFilters; format: ExportFormat; created: Date; batchSize?: number },
  onEnd?: (outcome: ExportOutcome) => void,
): Readable {
  return encodeMovements(
    (signal) => readMovementBatches(db, input.merchantId, input.filters, { signal, batchSize: input.batchSize }),
    input.format,
    { created: input.created, onEnd },
  );
}
