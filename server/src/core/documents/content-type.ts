import { Readable } from 'node:stream';
import { fileTypeFromBuffer, fileTypeFromStream } from 'file-type';
import type { DocumentType } from './document-policy.js';

/**
 * What a file is, from its bytes alone (file-type's signatures), never from its name or the
 * Content-Type the browser sent. Two containers need a further look past the first bytes:
 * - zip: a .docx or .xlsx is a zip whose `[Content_Types].xml` names its main part; that entry is
 *   usually first (Microsoft Office) but may come last (LibreOffice), so a zip not settled by the
 *   first bytes is read again whole. Macro-enabled (.docm, .xlsm), ODF, jar, apk… are not admitted.
 * - cfb: Office 97–2003 files are OLE compound files; a .doc holds a "WordDocument" stream, a .xls a
 *   "Workbook" (or, Excel 5, "Book") stream. Other compound files (.msi, .msg, .ppt) are refused.
 */
export type HeadVerdict =
  | { kind: 'type'; type: DocumentType }
  | { kind: 'zip' }
  | { kind: 'cfb' }
  | { kind: 'unknown'; detected: string | null };

/** How much of the start is held back and sniffed before any byte is let through. */
export const SNIFF_BYTES = 64 * 1024;

const SIMPLE_TYPES: Record<string, DocumentType> = {
  pdf: 'pdf',
  ai: 'pdf', // an Illustrator file is a PDF with private data; any PDF reader opens it
  jpg: 'jpeg',
  png: 'png',
  apng: 'png', // an animated PNG is a PNG
  gif: 'gif',
  docx: 'docx',
  xlsx: 'xlsx',
};

/** A malformed file file-type gives up on is one we cannot name, so one we do not take. */
async function detect(read: () => Promise<{ ext: string } | undefined>): Promise<string | null> {
  try {
    return (await read())?.ext ?? null;
  } catch {
    return null;
  }
}

/**
 * The verdict of the first bytes. `whole`: the head is the entire file, so a zip seen whole is
 * settled. Read as a buffer, as file-type intends for a sample: a format it walks (a PNG's chunks
 * up to the first IDAT, past a large metadata chunk) stays recognised when the sample ends first.
 */
export async function sniffHead(head: Buffer, whole: boolean): Promise<HeadVerdict> {
  const detected = await detect(() => fileTypeFromBuffer(head));
  if (detected === 'zip') return whole ? { kind: 'type', type: 'zip' } : { kind: 'zip' };
  if (detected === 'cfb') return { kind: 'cfb' };
  const type = detected ? SIMPLE_TYPES[detected] : undefined;
  return type ? { kind: 'type', type } : { kind: 'unknown', detected };
}

/** The types a file with this verdict may turn out to be, once its container is looked into. */
export function possibleTypes(verdict: HeadVerdict): DocumentType[] {
  switch (verdict.kind) {
    case 'type':
      return [verdict.type];
    case 'zip':
      return ['zip', 'docx', 'xlsx'];
    case 'cfb':
      return ['doc', 'xls'];
    case 'unknown':
      return [];
  }
}

/** The type of a zip read whole: docx, xlsx, a plain zip, or nothing we admit. */
export async function identifyZip(content: Readable): Promise<DocumentType | undefined> {
  // As a web stream: the types resolve to file-type's portable entry, which takes only those.
  // Read as a stream, file-type walks the entries in order to [Content_Types].xml wherever it is.
  const detected = await detect(() => fileTypeFromStream(Readable.toWeb(content) as ReadableStream<Uint8Array>)).finally(() => content.destroy());
  return detected === 'zip' || detected === 'docx' || detected === 'xlsx' ? detected : undefined;
}

const ENTRY = 128; // a compound file's directory entries are 128 bytes, at multiples of 128 in the file
const STREAM_OBJECT = 2;
const COMPOUND_STREAMS: Record<string, DocumentType> = { WordDocument: 'doc', Workbook: 'xls', Book: 'xls' };

function streamNameAt(slot: Buffer): string | null {
  const nameBytes = slot.readUInt16LE(0x40); // including the UTF-16 terminator
  if (slot[0x42] !== STREAM_OBJECT || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) return null;
  return slot.toString('utf16le', 0, nameBytes - 2);
}

/** Doc or xls, from the streams of an OLE compound file, read through once; undefined for any other. */
export async function identifyCompoundFile(content: Readable): Promise<DocumentType | undefined> {
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of content) {
      const buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      const whole = buffer.length - (buffer.length % ENTRY);
      for (let offset = 0; offset < whole; offset += ENTRY) {
        const name = streamNameAt(buffer.subarray(offset, offset + ENTRY));
        const type = name ? COMPOUND_STREAMS[name] : undefined;
        if (type) return type;
      }
      carry = buffer.subarray(whole);
    }
    return undefined;
  } finally {
    content.destroy();
  }
}
