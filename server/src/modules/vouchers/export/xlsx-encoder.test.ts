import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_HEADER, type ExportRow } from './export-row.js';
import { decimalAmount, SerialDates, XlsxEncoder, xmlText } from './xlsx-encoder.js';

const CREATED = new Date('2024-03-05T10:15:00Z');

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

/**
 * The archive's entries by name, each inflated and checked against the CRC-32 and size its
 * central directory records: what unzip -t checks.
 */
function zipEntries(zip: Buffer): Map<string, string> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const entries = new Map<string, string>();
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < zip.readUInt16LE(end + 10); i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameEnd = at + 46 + zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20)));
    const name = zip.toString('utf8', at + 46, nameEnd);
    expect(crc32(data), name).toBe(zip.readUInt32LE(at + 16));
    expect(data.length, name).toBe(zip.readUInt32LE(at + 24));
    entries.set(name, data.toString('utf8'));
    at = nameEnd + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The file for these batches, its checked zip entries, and the workbook as exceljs reads it back. */
async function encode(batches: ExportRow[][], options: { rowsPerSheet?: number } = {}) {
  const encoder = new XlsxEncoder({ created: CREATED, ...options });
  const bytes = await buffer(Readable.from(batches, { objectMode: true }).pipe(encoder));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { encoder, entries: zipEntries(bytes), workbook, sheet: workbook.worksheets[0]! };
}

const cells = (sheet: ExcelJS.Worksheet, column: number) =>
  Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(column).value);

describe('XLSX values', () => {
  it('writes amounts from the integer cents, never through a float', () => {
    expect([1, 5, 10, 99, 100, 2500, 123456789, 0, -5, -2500, -123456789].map(decimalAmount)).toEqual([
      '0.01', '0.05', '0.10', '0.99', '1', '25', '1234567.89', '0', '-0.05', '-25', '-1234567.89',
    ]);
    expect(() => decimalAmount(1.5)).toThrow(RangeError);
  });

  it('turns Rome wall-clock times into serial day numbers, and refuses anything else', () => {
    const dates = new SerialDates();
    expect(dates.serial('1970-01-01T00:00:00')).toBe('25569');
    expect(dates.serial('2019-07-01T12:00:00')).toBe('43647.500000000');
    expect(dates.serial('2019-07-01T23:30:00')).toBe('43647.979166667');
    expect(dates.serial('2024-02-29T00:00:01')).toBe('45351.000011574');
    for (const wrong of ['2019-07-01 23:30:00', '2019-13-01T00:00:00', '2019-07-01T24:00:00', '2019-07-01T23:30']) {
      expect(() => dates.serial(wrong), wrong).toThrow(RangeError);
    }
  });

  it('escapes text for XML and drops the characters XML cannot hold', () => {
    expect(xmlText('MOV-0A1B2C3D')).toBe('MOV-0A1B2C3D');
    expect(xmlText('A&B <C> "D"')).toBe('A&amp;B &lt;C&gt; &quot;D&quot;');
    expect(xmlText('VS\u0000\u0001-1\uFFFE\tà\n')).toBe('VS-1\tà\n');
    expect(xmlText('🎟 \uD800x\uDC00')).toBe('🎟 x');
  });
});

describe('XlsxEncoder', () => {
  it('writes a bold frozen header, sized columns and the workbook’s metadata', async () => {
    const { workbook, sheet, entries } = await encode([[row({})]]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Movimenti']);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    for (let c = 1; c <= 7; c++) expect(sheet.getRow(1).getCell(c).font?.bold, `column ${c}`).toBe(true);
    expect(sheet.getRow(2).getCell(2).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.map((column) => column.width)).toEqual([18, 22, 22, 28, 14, 16, 13]);
    expect(workbook.creator).toBe('Sportello');
    expect(workbook.created).toEqual(CREATED);
    expect(workbook.modified).toEqual(CREATED);
    // Inline strings: no shared strings table held until the end.
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(entries.get('xl/worksheets/sheet1.xml')).toContain('<c r="B2" t="inlineStr"><is><t>MOV-0A1B2C3D</t></is></c>');
  });

  it('writes real date cells of the Rome wall clock and exact euro amounts', async () => {
    const { sheet, entries } = await encode([
      [
        row({ romeTime: '2019-07-01T23:30:00', amountCents: 1 }),
        row({ romeTime: '2024-02-29T08:05:59', amountCents: 123456789, status: 'in_attesa' }),
      ],
      [
        row({ romeTime: '2019-01-01T00:00:00', amountCents: 0, status: 'rilasciato' }),
        // 02:30 happened twice that night in Rome: the wall clock is what the sheet shows.
        row({ romeTime: '2019-10-27T02:30:00', amountCents: 2500, kind: 'cancellazione' }),
      ],
    ]);
    expect(cells(sheet, 1)).toEqual([
      new Date(Date.UTC(2019, 6, 1, 23, 30)),
      new Date(Date.UTC(2024, 1, 29, 8, 5, 59)),
      new Date(Date.UTC(2019, 0, 1)),
      new Date(Date.UTC(2019, 9, 27, 2, 30)),
    ]);
    expect(cells(sheet, 5)).toEqual([0.01, 1234567.89, 0, 25]);
    for (let r = 2; r <= 5; r++) {
      expect(sheet.getRow(r).getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(sheet.getRow(r).getCell(5).numFmt).toBe('#,##0.00 "€"');
    }
    expect(cells(sheet, 6)).toEqual(['acquisto', 'acquisto', 'acquisto', 'cancellazione']);
    expect(cells(sheet, 7)).toEqual(['confermato', 'in attesa', 'rilasciato', 'confermato']);
    expect(cells(sheet, 2)).toEqual(Array(4).fill('MOV-0A1B2C3D'));
    expect(cells(sheet, 4)).toEqual(Array(4).fill('RSSLRA91A62F839W'));
    const xml = entries.get('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<c r="E3" s="3"><v>1234567.89</v></c>');
    expect(xml).toContain('<c r="E2" s="3"><v>0.01</v></c>');
  });

  it('writes any text as text: escaped, formula-like codes made inert, blanks kept', async () => {
    const { sheet } = await encode([
      [
        row({ voucherCode: '=HYPERLINK("http://x";"y")' }),
        row({ voucherCode: 'A&B <C> "D"', fiscalCode: '+39 333' }),
        row({ voucherCode: ' VS\u0001 2 ' }),
        row({ voucherCode: '🎟 città' }),
      ],
    ]);
    expect(cells(sheet, 3)).toEqual(['\'=HYPERLINK("http://x";"y")', 'A&B <C> "D"', ' VS 2 ', '🎟 città']);
    expect(sheet.getRow(3).getCell(4).value).toBe('+39 333');
    for (let r = 2; r <= 5; r++) expect(sheet.getRow(r).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });

  it('goes on in a new sheet, with its own header, once a sheet is full', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => row({ amountCents: i * 100, romeTime: `2019-01-1${i}T09:00:00` }));
    const { workbook, encoder, entries } = await encode([rows.slice(0, 2), rows.slice(2, 6), rows.slice(6)], { rowsPerSheet: 3 });
    expect(encoder.rows).toBe(7);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Movimenti', 'Movimenti (2)', 'Movimenti (3)']);
    expect(workbook.worksheets.map((s) => cells(s, 5))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(4).width).toBe(28);
    }
    expect(entries.get('xl/worksheets/sheet3.xml')).toContain('<row r="2"><c r="A2"');

    // Exactly full: no empty sheet after.
    const full = await encode([rows.slice(0, 6)], { rowsPerSheet: 3 });
    expect(full.workbook.worksheets.map((s) => s.rowCount)).toEqual([4, 4]);
  });

  it('writes the header alone when nothing matches', async () => {
    const { workbook, sheet, encoder } = await encode([]);
    expect(encoder.rows).toBe(0);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Movimenti']);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('takes no more batches while nobody reads, and stops when destroyed', async () => {
    const encoder = new XlsxEncoder({ created: CREATED });
    // Random codes compress poorly: the compressed output soon fills what the reader would take.
    const batch = () => Array.from({ length: 2000 }, () => row({ code: randomBytes(12).toString('hex'), voucherCode: randomBytes(8).toString('base64') }));
    let accepted = 0;
    const closed = once(encoder, 'close');
    const writing = (async () => {
      for (let i = 0; i < 50 && !encoder.destroyed; i++) {
        if (!encoder.write(batch(), (error) => (error ? undefined : (accepted += 1)))) await Promise.race([once(encoder, 'drain'), closed]);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const held = accepted;
    expect(held).toBeLessThan(10);
    encoder.destroy();
    await closed;
    await writing;
    expect(accepted).toBeLessThanOrEqual(held + 1);
  });
});
