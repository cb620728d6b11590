import { once } from 'node:events';
import { Duplex, PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_HEADER, type ExportRow, inertText, kindLabel, spreadsheetDate, statusLabel } from './export-row.js';

/** A sheet holds 1,048,576 rows: past that (header included) the rows go on in a new sheet. */
export const ROWS_PER_SHEET = 1_048_575;
/** Uncompressed sheet XML allowed to wait for the compressor before the next batch is taken. */
const BACKLOG_BYTES = 1024 * 1024;
/** Compressed bytes the zip writer may hold before it waits for the reader. */
const ZIP_BUFFER_BYTES = 64 * 1024;

const WIDTHS = [18, 22, 22, 28, 14, 16, 13];
const EURO = '#,##0.00 "€"';
const DATE_TIME = 'dd/mm/yyyy hh:mm';

type Sheet = ExcelJS.Worksheet & { commit(): void };

const TEXT: Partial<ExcelJS.Style> = {};
const CELL_STYLES: Partial<ExcelJS.Style>[] = [{ numFmt: DATE_TIME }, TEXT, TEXT, TEXT, { numFmt: EURO }, TEXT, TEXT];

/**
 * The writable streams a worksheet's XML waits in before the compressor takes it. exceljs writes
 * a sheet without looking at backpressure (its buffer pushes into the zip entry's PassThrough),
 * so this is where a backlog builds when the client reads slowly; `xlsx-encoder.test.ts` checks it.
 */
function sheetInlets(sheet: Sheet): Writable[] {
  return (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
}

/** Bytes waiting in a writable (archiver's are readable-stream 3 streams, without `writableLength`). */
function waiting(stream: Writable): number {
  return (stream as unknown as { _writableState?: { length: number } })._writableState?.length ?? stream.writableLength ?? 0;
}

/**
 * Batches of movements in, XLSX bytes out, through exceljs's streaming WorkbookWriter: real date
 * cells (the Rome wall-clock time), numeric amounts in euro format, a bold frozen header row.
 * A batch is accepted only once the previous ones have gone through the compressor, and the zip's
 * bytes are pushed only as fast as the reader takes them: memory stays bounded whatever the size.
 */
export class XlsxEncoder extends Duplex {
  rows = 0;
  private readonly zipped = new PassThrough();
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: Sheet | null = null;
  private sheetRows = 0;
  private sheets = 0;

  constructor(options: { created: Date }) {
    super({ writableObjectMode: true, writableHighWaterMark: 2 });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.zipped,
      useStyles: true,
      useSharedStrings: false,
      // archiver buffers 1 MB of compressed bytes each side by default: ten times that of rows.
      zip: { highWaterMark: ZIP_BUFFER_BYTES } as Partial<ExcelJS.stream.xlsx.ArchiverZipOptions>,
    });
    this.workbook.creator = 'Sportello';
    this.workbook.created = options.created;
    this.workbook.modified = options.created;
    this.zipped.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) this.zipped.pause();
    });
    this.zipped.once('end', () => this.push(null));
    this.zipped.once('error', (error) => this.destroy(error));
  }

  override _read(): void {
    this.zipped.resume();
  }

  private newSheet(): Sheet {
    this.sheet?.commit();
    this.sheets += 1;
    const sheet = this.workbook.addWorksheet(this.sheets === 1 ? 'Movimenti' : `Movimenti (${this.sheets})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    }) as Sheet;
    sheet.columns = EXPORT_HEADER.map((header, i) => ({ header, width: WIDTHS[i] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    this.sheet = sheet;
    this.sheetRows = 0;
    return sheet;
  }

  override _write(batch: ExportRow[], _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      let sheet = this.sheet ?? this.newSheet();
      for (const row of batch) {
        if (this.sheetRows === ROWS_PER_SHEET) sheet = this.newSheet();
        const added = sheet.addRow([
          spreadsheetDate(row.romeTime),
          row.code,
          inertText(row.voucherCode),
          row.fiscalCode,
          row.amountCents / 100,
          kindLabel(row.kind),
          statusLabel(row.status),
        ]);
        // The same style objects for every row: exceljs caches a style by its object, so the
        // shared ones are rendered once instead of once per cell (the export's largest cost).
        for (let c = 0; c < CELL_STYLES.length; c++) added.getCell(c + 1).style = CELL_STYLES[c]!;
        added.commit();
        this.sheetRows += 1;
      }
      this.rows += batch.length;
      this.afterBacklog(sheet).then(() => done(), done);
    } catch (error) {
      done(error as Error);
    }
  }

  /** Resolves once the sheet's XML waiting for the compressor is under BACKLOG_BYTES. */
  private async afterBacklog(sheet: Sheet): Promise<void> {
    for (const inlet of sheetInlets(sheet)) {
      while (waiting(inlet) > BACKLOG_BYTES && !this.destroyed && !inlet.destroyed) {
        const settled = new AbortController();
        try {
          await Promise.race([once(inlet, 'drain', { signal: settled.signal }), once(this, 'close', { signal: settled.signal })]);
        } finally {
          settled.abort();
        }
      }
    }
  }

  override _final(done: (error?: Error | null) => void): void {
    (this.sheet ?? this.newSheet()).commit();
    this.workbook.commit().then(() => done(), done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.zipped.destroy();
    done(error);
  }
}
