import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Test-only: small but structurally valid files of every admitted type, and impostors, built here
 * so the tests need no fixture files and no extra dependency.
 */

export const samplePdf = (text = 'Ricevuta di prova') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${text}\n` +
      `trailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** A 1×1 transparent PNG. */
export const samplePng = () =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The same PNG carrying 100 KiB of metadata (as phone cameras write) before its image data. */
export const samplePngWithMetadata = () => {
  const png = samplePng();
  const data = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.alloc(100 * 1024, 0x20)]);
  const typed = Buffer.concat([Buffer.from('iTXt', 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([png.subarray(0, 33), length, typed, crc, png.subarray(33)]); // after IHDR (8 + 25 bytes)
};

/** A 1×1 GIF. */
export const sampleGif = () => Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A JPEG whose header (SOI, JFIF APP0) is valid: what every sniffer looks at. */
export const sampleJpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    randomBytes(200),
    Buffer.from([0xff, 0xd9]),
  ]);

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** Deflate (as Office does) or store. */
  deflate?: boolean;
}

/** A zip archive (local headers, central directory, end record), as any zip tool writes it. */
export function sampleZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const body = entry.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/${main.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml') ? 'xl/workbook.xml' : 'word/document.xml'}" ContentType="${main}"/></Types>`;

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const EXCEL_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/** A .docx as Microsoft Word writes it: [Content_Types].xml first, deflated. */
export const sampleDocx = () =>
  sampleZip([
    { name: '[Content_Types].xml', data: contentTypes(WORD_MAIN), deflate: true },
    { name: '_rels/.rels', data: RELS, deflate: true },
    { name: 'word/document.xml', data: '<w:document xmlns:w="x"><w:body/></w:document>', deflate: true },
  ]);

/** A .docx as LibreOffice may write it: [Content_Types].xml last, past the first 64 KiB (an embedded image). */
export const sampleDocxContentTypesLast = () =>
  sampleZip([
    { name: '_rels/.rels', data: RELS, deflate: true },
    { name: 'word/media/image1.png', data: randomBytes(100 * 1024) },
    { name: 'word/document.xml', data: '<w:document xmlns:w="x"><w:body/></w:document>', deflate: true },
    { name: '[Content_Types].xml', data: contentTypes(WORD_MAIN), deflate: true },
  ]);

export const sampleXlsx = () =>
  sampleZip([
    { name: '[Content_Types].xml', data: contentTypes(EXCEL_MAIN), deflate: true },
    { name: '_rels/.rels', data: RELS, deflate: true },
    { name: 'xl/workbook.xml', data: '<workbook/>', deflate: true },
  ]);

/** A macro-enabled Word document: a zip, an OOXML package, and not something we take. */
export const sampleDocm = () =>
  sampleZip([
    { name: '[Content_Types].xml', data: contentTypes(WORD_MACRO_MAIN), deflate: true },
    { name: 'word/document.xml', data: '<w:document/>', deflate: true },
    { name: 'word/vbaProject.bin', data: randomBytes(100) },
  ]);

export const samplePlainZip = (size = 1000) =>
  sampleZip([
    { name: 'leggimi.txt', data: 'Allegati della segnalazione.', deflate: true },
    { name: 'dati.bin', data: randomBytes(size) },
  ]);

/**
 * An OLE compound file (version 3, 512-byte sectors) whose directory holds a root and one stream:
 * "WordDocument" makes it a .doc, "Workbook" a .xls; an installer (.msi) has neither.
 * `padding`: sectors of filler before the directory, to put it past the sniffed head.
 */
export function sampleCompoundFile(streamName: string, padding = 0): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(padding, 0x30); // first directory sector
  const filler = randomBytes(padding * sector);
  const directory = Buffer.alloc(sector, 0);
  const entry = (index: number, name: string, type: number) => {
    const at = index * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = type;
  };
  entry(0, 'Root Entry', 5);
  entry(1, streamName, 2);
  return Buffer.concat([header, filler, directory]);
}

/** A Linux executable. */
export const sampleElf = () =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56), randomBytes(2000)]);

/** A Windows executable: "MZ", then the PE header. */
export const samplePe = () => {
  const file = Buffer.alloc(1024, 0);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  return file;
};
