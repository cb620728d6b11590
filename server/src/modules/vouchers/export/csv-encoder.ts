import { Transform, type TransformCallback } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_HEADER, type ExportRow, inertText, italianAmount, italianDateTime, kindLabel, statusLabel } from './export-row.js';

/** For Italian Excel: UTF-8 with a byte order mark, ";" between fields, CRLF between records. */
const CSV_OPTIONS = { delimiter: ';', record_delimiter: '\r\n', eof: true } as const;
const BOM = '\uFEFF';

function record(row: ExportRow): string[] {
  return [
    italianDateTime(row.romeTime),
    row.code,
    inertText(row.voucherCode),
    row.fiscalCode,
    italianAmount(row.amountCents),
    kindLabel(row.kind),
    statusLabel(row.status),
  ];
}

/**
 * Batches of movements in, CSV text out: the BOM and header first (even for no movement), then
 * one chunk per batch. csv-stringify quotes whatever needs it. A stream stage: backpressure
 * from the reply reaches the batch reader through `stream.pipeline`.
 */
export class CsvEncoder extends Transform {
  rows = 0;
  private started = false;

  constructor() {
    super({ writableObjectMode: true, writableHighWaterMark: 2 });
  }

  private header(): string {
    if (this.started) return '';
    this.started = true;
    return BOM + stringify([EXPORT_HEADER as unknown as string[]], CSV_OPTIONS);
  }

  override _transform(batch: ExportRow[], _encoding: BufferEncoding, done: TransformCallback): void {
    this.rows += batch.length;
    done(null, this.header() + stringify(batch.map(record), CSV_OPTIONS));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.header() || undefined);
  }
}
