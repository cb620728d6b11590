import { Duplex } from 'node:stream';
import { type ZipEntry, ZipStream } from '../../../shared/zip-stream.js';
import type { MovementKind, MovementStatus } from '../vouchers.tables.js';
import { EXPORT_HEADER, type ExportRow, inertText, kindLabel, statusLabel } from './export-row.js';

/** A sheet holds 1,048,576 rows: past that (header included) the rows go on in a new sheet. */
export const ROWS_PER_SHEET = 1_048_575;
/** Uncompressed sheet XML allowed to wait for the compressor before the next batch is taken. */
const BACKLOG_BYTES = 1024 * 1024;
/** Characters of sheet XML turned into bytes at once (see `rowsXml`). */
const PIECE_CHARS = 64 * 1024;
/**
 * zlib level 1: measured on a million rows, levels 2 and 3 cost 10–30% more CPU for a file 4–8%
 * smaller (45 MB at level 1, as large as exceljs's at its default level).
 */
const DEFLATE_LEVEL = 1;

const WIDTHS = [18, 22, 22, 28, 14, 16, 13];
const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The cell formats of styles.xml, by index: what each cell's `s` points at. */
const STYLE_HEADER = 1;
const STYLE_DATE = 2;
const STYLE_EURO = 3;
const STYLES_XML =
  XML_DECLARATION +
  `<styleSheet xmlns="${SPREADSHEET_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;€&quot;"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Characters XML 1.0 forbids: C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Anything `xmlText` changes (paired surrogates, kept, included): most values hold none of it. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text as XML character data: & < > " escaped, the characters XML cannot hold dropped. */
export function xmlText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** "1234567.89" from 123456789 cents: the decimal built from the integer, never from a float. */
export function decimalAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an amount in cents: ${cents}`);
  const abs = cents < 0 ? -cents : cents;
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  const decimal = rest === 0 ? String(units) : `${units}${rest < 10 ? '.0' : '.'}${rest}`;
  return cents < 0 ? `-${decimal}` : decimal;
}

const ROME_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** 1970-01-01 in the 1900 date system, counted from 1899-12-30 (Excel's fictitious 1900-02-29 included). */
const UNIX_EPOCH_SERIAL = 25_569;
const digits = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * Spreadsheet serial numbers (days since 1899-12-30 and the fraction of the day) of Rome
 * wall-clock times "YYYY-MM-DDTHH:MM:SS": spreadsheets have no time zones, so the wall clock is
 * the value. Rows come in time order, so a day's number is computed once. The fraction is written
 * with 9 decimals (86 µs: any reader gets the exact second back) from an integer, a small one:
 * formatting the sum as a float cost more than the rest of the row.
 */
export class SerialDates {
  /** The day of the previous time, "YYYY-MM-DD" ("-" starts no time), and its serial number. */
  private day = '-';
  private dayNumber = '';

  serial(romeTime: string): string {
    if (!ROME_TIME.test(romeTime)) throw new RangeError(`Not a wall-clock time: ${romeTime}`);
    if (!romeTime.startsWith(this.day)) {
      this.day = romeTime.slice(0, 10);
      const days = Date.UTC(Number(romeTime.slice(0, 4)), digits(romeTime, 5) - 1, digits(romeTime, 8)) / 86_400_000;
      this.dayNumber = String(days + UNIX_EPOCH_SERIAL);
    }
    const seconds = digits(romeTime, 11) * 3600 + digits(romeTime, 14) * 60 + digits(romeTime, 17);
    if (seconds === 0) return this.dayNumber;
    // seconds / 86,400 in units of 1e-9 = seconds × 312,500 / 27: below 1e9, no carry into the day.
    return `${this.dayNumber}.${String(Math.round((seconds * 312_500) / 27)).padStart(9, '0')}`;
  }
}

/**
 * The constant parts of a row around its number and values, the kind and status cells whole: a
 * row is 28 pieces joined by `+` (each `+` costs; a `${}` template makes no fewer), ~400 bytes.
 */
const TEXT = '" t="inlineStr"><is><t';
const ROW_TO_A = '"><c r="A';
const A_TO_DATE = `" s="${STYLE_DATE}"><v>`;
const DATE_TO_B = '</v></c><c r="B';
const TEXT_TO_C = '</t></is></c><c r="C';
const TEXT_TO_D = '</t></is></c><c r="D';
const TEXT_TO_E = '</t></is></c><c r="E';
const E_TO_EURO = `" s="${STYLE_EURO}"><v>`;
const EURO_TO_F = '</v></c><c r="F';
const KIND_TO_G = labelCells<MovementKind>(['acquisto', 'cancellazione'], kindLabel, '<c r="G');
const STATUS_TO_END = labelCells<MovementStatus>(['confermato', 'in_attesa', 'rilasciato'], statusLabel, '</row>');

function labelCells<K extends string>(keys: K[], label: (key: K) => string, after: string): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, `${TEXT}${inlineText(label(key))}</t></is></c>${after}`])) as Record<K, string>;
}

/**
 * The end of a `<t` start tag and the text, escaped: blanks at either end are kept only with
 * xml:space="preserve" (written only then: on every cell it made the file 7% larger).
 */
function inlineText(value: string): string {
  const text = xmlText(value);
  return text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? ` xml:space="preserve">${text}` : `>${text}`;
}

/** One movement as a `<row>`, every cell addressed as Excel writes them (some readers need it). */
export function rowXml(row: ExportRow, rowNumber: number, dates: SerialDates): string {
  const r = String(rowNumber);
  return (
    '<row r="' + r + ROW_TO_A + r + A_TO_DATE + dates.serial(row.romeTime) +
    DATE_TO_B + r + TEXT + inlineText(row.code) +
    TEXT_TO_C + r + TEXT + inlineText(inertText(row.voucherCode)) +
    TEXT_TO_D + r + TEXT + inlineText(row.fiscalCode) +
    TEXT_TO_E + r + E_TO_EURO + decimalAmount(row.amountCents) +
    EURO_TO_F + r + KIND_TO_G[row.kind] +
    r + STATUS_TO_END[row.status]
  );
}

const COLUMN_LETTERS = 'ABCDEFG';
const HEADER_ROW =
  `<row r="1" s="${STYLE_HEADER}" customFormat="1">` +
  EXPORT_HEADER.map((label, i) => `<c r="${COLUMN_LETTERS[i]}1" s="${STYLE_HEADER}${TEXT}${inlineText(label)}</t></is></c>`).join('') +
  '</row>';
const COLUMNS = `<cols>${WIDTHS.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`;
const SHEET_END = '</sheetData></worksheet>';

/** A sheet's XML up to and including the header row: the header frozen, the columns sized. */
function sheetStart(isFirst: boolean): string {
  return (
    XML_DECLARATION +
    `<worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<sheetViews><sheetView ${isFirst ? 'tabSelected="1" ' : ''}workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    COLUMNS +
    '<sheetData>' +
    HEADER_ROW
  );
}

const sheetName = (n: number) => (n === 1 ? 'Movimenti' : `Movimenti (${n})`);

/** The parts around the sheets, written once the number of sheets is known. */
function packageParts(sheets: number, created: Date): [name: string, xml: string][] {
  const numbers = Array.from({ length: sheets }, (_, i) => i + 1);
  const timestamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
  return [
    [
      '[Content_Types].xml',
      XML_DECLARATION +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        override('/xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml') +
        numbers.map((n) => override(`/xl/worksheets/sheet${n}.xml`, 'officedocument.spreadsheetml.worksheet+xml')).join('') +
        override('/xl/styles.xml', 'officedocument.spreadsheetml.styles+xml') +
        override('/docProps/core.xml', 'package.core-properties+xml') +
        override('/docProps/app.xml', 'officedocument.extended-properties+xml') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      XML_DECLARATION +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        relationship('rId1', `${OFFICE_RELS}/officeDocument`, 'xl/workbook.xml') +
        relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
        relationship('rId3', `${OFFICE_RELS}/extended-properties`, 'docProps/app.xml') +
        '</Relationships>',
    ],
    [
      'docProps/app.xml',
      XML_DECLARATION +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Sportello</Application></Properties>',
    ],
    [
      'docProps/core.xml',
      XML_DECLARATION +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:creator>Sportello</dc:creator>' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:modified>` +
        '</cp:coreProperties>',
    ],
    [
      'xl/workbook.xml',
      XML_DECLARATION +
        `<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        numbers.map((n) => `<sheet name="${xmlText(sheetName(n))}" sheetId="${n}" r:id="rId${n}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      XML_DECLARATION +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        numbers.map((n) => relationship(`rId${n}`, `${OFFICE_RELS}/worksheet`, `worksheets/sheet${n}.xml`)).join('') +
        relationship(`rId${sheets + 1}`, `${OFFICE_RELS}/styles`, 'styles.xml') +
        '</Relationships>',
    ],
    ['xl/styles.xml', STYLES_XML],
  ];
}

/**
 * Batches of movements in, XLSX bytes out, the sheet XML written by hand (exceljs spent ~19 µs of
 * CPU per row building it through its cell and style models): real date cells (the Rome wall-clock
 * time), numeric amounts in euro format, a bold frozen header row, text as inline strings so that
 * nothing is held per row. A batch is accepted only once the previous ones have gone through the
 * compressor, and the zip's bytes are pushed only as fast as the reader takes them: memory stays
 * bounded whatever the size.
 */
export class XlsxEncoder extends Duplex {
  rows = 0;
  private readonly zip: ZipStream;
  private readonly created: Date;
  private readonly rowsPerSheet: number;
  private sheet: ZipEntry | null = null;
  private sheets = 0;
  private sheetRows = 0;
  private readonly dates = new SerialDates();

  constructor(options: { created: Date; rowsPerSheet?: number }) {
    super({ writableObjectMode: true, writableHighWaterMark: 2 });
    this.created = options.created;
    this.rowsPerSheet = options.rowsPerSheet ?? ROWS_PER_SHEET;
    this.zip = new ZipStream({ modified: options.created, level: DEFLATE_LEVEL, backlogBytes: BACKLOG_BYTES });
    this.zip.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) this.zip.pause();
    });
    this.zip.once('end', () => this.push(null));
    this.zip.once('error', (error) => this.destroy(error));
  }

  override _read(): void {
    this.zip.resume();
  }

  override _write(batch: ExportRow[], _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.writeBatch(batch).then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.finish().then(() => done(), done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.zip.destroy();
    done(error);
  }

  /** The batch's rows as one write per sheet it reaches (one, but where a sheet fills up). */
  private async writeBatch(batch: ExportRow[]): Promise<void> {
    for (let start = 0; start < batch.length; ) {
      if (!this.sheet || this.sheetRows === this.rowsPerSheet) await this.nextSheet();
      const end = Math.min(batch.length, start + this.rowsPerSheet - this.sheetRows);
      await this.sheet!.write(this.rowsXml(batch, start, end));
      this.sheetRows += end - start;
      this.rows += end - start;
      start = end;
    }
  }

  /**
   * Rows `start` to `end` as UTF-8, encoded in pieces of about PIECE_CHARS: a string past V8's
   * regular-object limit (~128 KB) costs twice as much to flatten and encode.
   */
  private rowsXml(batch: ExportRow[], start: number, end: number): Buffer {
    const pieces: Buffer[] = [];
    let xml = '';
    // The header is row 1: the sheet's n-th movement is row n + 1.
    for (let i = start, rowNumber = this.sheetRows + 2; i < end; i++, rowNumber++) {
      xml += rowXml(batch[i]!, rowNumber, this.dates);
      if (xml.length >= PIECE_CHARS) {
        pieces.push(Buffer.from(xml, 'utf8'));
        xml = '';
      }
    }
    pieces.push(Buffer.from(xml, 'utf8'));
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
  }

  private async nextSheet(): Promise<void> {
    if (this.sheet) await this.endSheet(this.sheet);
    this.sheets += 1;
    this.sheet = this.zip.startEntry(`xl/worksheets/sheet${this.sheets}.xml`);
    this.sheetRows = 0;
    await this.sheet.write(sheetStart(this.sheets === 1));
  }

  private async endSheet(sheet: ZipEntry): Promise<void> {
    await sheet.write(SHEET_END);
    await sheet.end();
  }

  /** The last sheet (the header alone when nothing matched), then the parts that list the sheets. */
  private async finish(): Promise<void> {
    if (!this.sheet) await this.nextSheet();
    await this.endSheet(this.sheet!);
    for (const [name, xml] of packageParts(this.sheets, this.created)) this.zip.addFile(name, xml);
    this.zip.finish();
  }
}
