import { Transform, type TransformCallback } from 'node:stream';
import { EXPORT_HEADER, type ExportRow, inertText, italianAmount, italianDateTime, kindLabel, statusLabel } from './export-row.js';

/** For Italian Excel: UTF-8 with a byte order mark, ";" between fields, CRLF between records. */
const SEPARATOR = ';';
const END = '\r\n';
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[";\r\n]/;

/** RFC 4180 quoting, only where needed: a field holding the separator, a quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const HEADER = EXPORT_HEADER.map(csvField).join(SEPARATOR) + END;

/**
 * One record. Dates, codes, amounts, kinds and statuses have fixed shapes that never need quoting;
 * the voucher code and the codice fiscale come from imported data and are quoted when needed.
 * Written by hand rather than through csv-stringify: a million rows took 1.5 s of CPU there and
 * much garbage (see bench/RESULTS.md), for the quoting rule above.
 */
export function csvRecord(row: ExportRow): string {
  return (
    italianDateTime(row.romeTime) +
    SEPARATOR +
    row.code +
    SEPARATOR +
    csvField(inertText(row.voucherCode)) +
    SEPARATOR +
    csvField(row.fiscalCode) +
    SEPARATOR +
    italianAmount(row.amountCents) +
    SEPARATOR +
    kindLabel(row.kind) +
    SEPARATOR +
    statusLabel(row.status) +
    END
  );
}

/**
 * Batches of movements in, CSV text out: the BOM and header first (even for no movement), then
 * one chunk per batch. A stream stage: backpressure from the reply reaches the batch reader
 * through `stream.pipeline`.
 */
export class CsvEncoder extends Transform {
  rows = 0;
  private started = false;

  constructor() {
    super({ writableObjectMode: true, writableHighWaterMark: 1 });
  }

  private header(): string {
    if (this.started) return '';
    this.started = true;
    return BOM + HEADER;
  }

  override _transform(batch: ExportRow[], _encoding: BufferEncoding, done: TransformCallback): void {
    this.rows += batch.length;
    let text = this.header();
    for (const row of batch) text += csvRecord(row);
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    done(null, this.header() || undefined);
  }
}
