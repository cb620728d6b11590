import { Readable } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

/**
 * Without zip64 every size and offset is a 32-bit field: an entry or an archive past 4 GiB is
 * refused with an error (the stream fails; what was sent is a truncated file). A full sheet of
 * the movements export is ~420 MB of XML; its archive would reach 4 GiB at ~90 million rows.
 */
const MAX_32 = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;

/** Bit 3: CRC and sizes follow the data (a data descriptor). Bit 11: names are UTF-8. */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const DEFLATE = 8;
/** "2.0": deflate and data descriptors; made on host 0 (MS-DOS attributes, none set). */
const VERSION = 20;

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export interface ZipOptions {
  /** The modification time of every entry. */
  modified: Date;
  /** zlib level: 1 is the fastest; higher ones gain little on generated XML. */
  level?: number;
  /** Uncompressed bytes allowed to wait for the compressor before `write` waits. */
  backlogBytes?: number;
}

/** The Rome wall clock: DOS times have no zone, and the people unzipping read Italian time. */
const ROME_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** MS-DOS date and time fields (2-second resolution, years 1980–2107). */
export function dosDateTime(instant: Date): { date: number; time: number } {
  const part: Record<string, number> = {};
  for (const { type, value } of ROME_PARTS.formatToParts(instant)) part[type] = Number(value);
  const year = Math.min(Math.max(part.year!, 1980), 2107);
  return {
    date: ((year - 1980) << 9) | (part.month! << 5) | part.day!,
    time: (part.hour! << 11) | (part.minute! << 5) | (part.second! >> 1),
  };
}

/** One entry being written in pieces through the deflate stream; see `ZipStream.startEntry`. */
export interface ZipEntry {
  /** Compresses `data`; resolves once the bytes waiting for the compressor are under the backlog. */
  write(data: string | Buffer): Promise<void>;
  /** Flushes the compressor and writes the data descriptor; resolves once every byte is out. */
  end(): Promise<void>;
}

/**
 * A ZIP archive written as a stream, one entry after the other: small entries whole (`addFile`),
 * large ones in pieces (`startEntry`) with the CRC and sizes in a data descriptor after the data,
 * then the central directory (`finish`). Its bytes are produced only as fast as they are read:
 * when the reader stops, the compressor stops, and `write` stops resolving.
 */
export class ZipStream extends Readable {
  private readonly entries: Entry[] = [];
  private readonly date: number;
  private readonly time: number;
  private readonly level: number;
  private readonly backlogBytes: number;
  private offset = 0;
  private deflate: DeflateRaw | null = null;
  private isFinished = false;

  constructor(options: ZipOptions) {
    super();
    ({ date: this.date, time: this.time } = dosDateTime(options.modified));
    this.level = options.level ?? 1;
    this.backlogBytes = options.backlogBytes ?? 1024 * 1024;
  }

  override _read(): void {
    this.deflate?.resume();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.deflate?.destroy();
    done(error);
  }

  /** Adds a small entry whole, compressed on the spot, its CRC and sizes in the local header. */
  addFile(name: string, data: string | Buffer): void {
    this.assertIdle();
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const compressed = deflateRawSync(bytes, { level: this.level });
    const entry = this.newEntry(name, FLAG_UTF8);
    entry.crc = crc32(bytes);
    entry.size = bytes.length;
    entry.compressedSize = compressed.length;
    this.checkSizes(entry);
    this.output(localHeader(entry, this.date, this.time));
    this.output(compressed);
  }

  /**
   * Starts an entry written in pieces; no other entry may be added before it has ended. `write`
   * resolves as long as at most `backlogBytes` wait for the compressor (on libuv's threads): the
   * next piece is built while the previous ones are compressed, and none is taken while it lags.
   */
  startEntry(name: string): ZipEntry {
    this.assertIdle();
    const entry = this.newEntry(name, FLAG_UTF8 | FLAG_DESCRIPTOR);
    this.output(localHeader(entry, this.date, this.time));
    const deflate = createDeflateRaw({ level: this.level, chunkSize: 64 * 1024 });
    this.deflate = deflate;
    deflate.on('data', (chunk: Buffer) => {
      entry.compressedSize += chunk.length;
      this.output(chunk);
    });
    deflate.once('error', (error) => this.destroy(error));
    let waiting = 0;
    let wake: (() => void) | null = null;
    deflate.once('close', () => wake?.());
    return {
      write: async (data) => {
        this.assertAlive();
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        if (entry.size + bytes.length > MAX_32) throw new RangeError(`${name}: past 4 GiB, which needs zip64`);
        entry.size += bytes.length;
        entry.crc = crc32(bytes, entry.crc);
        waiting += bytes.length;
        // Called once zlib has taken the whole piece, which it does only as the reader takes the output.
        deflate.write(bytes, () => {
          waiting -= bytes.length;
          if (waiting <= this.backlogBytes) wake?.();
        });
        while (waiting > this.backlogBytes && !deflate.destroyed) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        this.assertAlive();
      },
      end: async () => {
        this.assertAlive();
        deflate.end();
        await ended(deflate);
        this.assertAlive();
        this.deflate = null;
        this.checkSizes(entry);
        this.output(dataDescriptor(entry));
      },
    };
  }

  /** Writes the central directory and ends the stream. */
  finish(): void {
    this.assertIdle();
    this.isFinished = true;
    const directoryOffset = this.offset;
    if (directoryOffset > MAX_32) throw new RangeError('ZIP archive past 4 GiB, which needs zip64');
    for (const entry of this.entries) this.output(centralHeader(entry, this.date, this.time));
    const directorySize = this.offset - directoryOffset;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryOffset, 16);
    this.output(end);
    this.push(null);
  }

  private newEntry(name: string, flags: number): Entry {
    if (this.entries.length === MAX_ENTRIES) throw new RangeError('ZIP archive of more than 65,535 entries, which needs zip64');
    if (this.offset > MAX_32) throw new RangeError('ZIP archive past 4 GiB, which needs zip64');
    const entry = { name: Buffer.from(name, 'utf8'), flags, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    this.entries.push(entry);
    return entry;
  }

  private checkSizes(entry: Entry): void {
    if (entry.size > MAX_32 || entry.compressedSize > MAX_32) throw new RangeError(`${entry.name}: past 4 GiB, which needs zip64`);
  }

  /** Pushes archive bytes; when the reader has enough, the compressor waits until `_read`. */
  private output(chunk: Buffer): void {
    this.offset += chunk.length;
    if (!this.push(chunk)) this.deflate?.pause();
  }

  private assertIdle(): void {
    this.assertAlive();
    if (this.deflate) throw new Error('ZIP entry still open');
    if (this.isFinished) throw new Error('ZIP archive already finished');
  }

  private assertAlive(): void {
    if (this.destroyed) throw this.errored ?? new Error('ZIP stream destroyed');
  }
}

/** Resolves once the compressed data has all been read, or the stream destroyed: the caller checks which. */
function ended(stream: DeflateRaw): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed) return resolve();
    stream.once('end', resolve);
    stream.once('close', resolve);
  });
}

function localHeader(entry: Entry, date: number, time: number): Buffer {
  const header = Buffer.alloc(30 + entry.name.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  // With a data descriptor, CRC and sizes stay 0 here.
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  entry.name.copy(header, 30);
  return header;
}

function dataDescriptor(entry: Entry): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc >>> 0, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);
  return descriptor;
}

function centralHeader(entry: Entry, date: number, time: number): Buffer {
  const header = Buffer.alloc(46 + entry.name.length);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(date, 14);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // Extra field, comment, disk number, attributes: none.
  header.writeUInt32LE(entry.offset, 42);
  entry.name.copy(header, 46);
  return header;
}
