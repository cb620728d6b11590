import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dosDateTime, ZipStream } from './zip-stream.js';

interface ReadEntry {
  name: string;
  flags: number;
  time: number;
  date: number;
  data: Buffer;
  /** The data descriptor after the data, when bit 3 says there is one. */
  descriptor?: { crc: number; compressedSize: number; size: number };
}

/**
 * The archive read the way unzip reads it: the end record, the central directory, each local
 * header it points at; every entry inflated and checked against the directory's CRC and sizes.
 */
function readZip(zip: Buffer): ReadEntry[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  const directoryEnd = zip.readUInt32LE(end + 16) + zip.readUInt32LE(end + 12);
  expect(directoryEnd).toBe(end);
  const entries: ReadEntry[] = [];
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [flags, method, time, date] = [8, 10, 12, 14].map((o) => zip.readUInt16LE(at + o)) as [number, number, number, number];
    const [crc, compressedSize, size] = [16, 20, 24].map((o) => zip.readUInt32LE(at + o)) as [number, number, number];
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt16LE(local + 6)).toBe(flags);
    expect(zip.toString('utf8', local + 30, local + 30 + zip.readUInt16LE(local + 26))).toBe(name);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    expect(method).toBe(8);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    expect(data.length, name).toBe(size);
    expect(crc32(data), name).toBe(crc);
    const entry: ReadEntry = { name, flags, time, date, data };
    if (flags & 0x0008) {
      const d = dataStart + compressedSize;
      expect(zip.readUInt32LE(d)).toBe(0x08074b50);
      entry.descriptor = { crc: zip.readUInt32LE(d + 4), compressedSize: zip.readUInt32LE(d + 8), size: zip.readUInt32LE(d + 12) };
      expect(entry.descriptor).toEqual({ crc, compressedSize, size });
    } else {
      expect([14, 18, 22].map((o) => zip.readUInt32LE(local + o))).toEqual([crc, compressedSize, size]);
    }
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ZipStream', () => {
  it('writes whole and streamed entries that read back with their CRCs, sizes and UTF-8 names', async () => {
    const zip = new ZipStream({ modified: new Date('2024-07-01T10:20:30Z') });
    const bytes = buffer(zip);
    zip.addFile('mimetype.txt', 'piccolo');
    const sheet = zip.startEntry('xl/worksheets/città.xml');
    const big = randomBytes(300_000);
    await sheet.write('<a>àèì & ');
    await sheet.write(big);
    await sheet.write('</a>'.repeat(50_000));
    await sheet.end();
    zip.addFile('vuoto', '');
    zip.finish();

    const entries = readZip(await bytes);
    expect(entries.map((e) => e.name)).toEqual(['mimetype.txt', 'xl/worksheets/città.xml', 'vuoto']);
    expect(entries.map((e) => e.flags)).toEqual([0x0800, 0x0808, 0x0800]);
    expect(entries[0]!.data.toString()).toBe('piccolo');
    // Buffer.equals: toEqual compares byte by byte, for seconds.
    expect(entries[1]!.data.equals(Buffer.concat([Buffer.from('<a>àèì & '), big, Buffer.from('</a>'.repeat(50_000))]))).toBe(true);
    expect(entries[2]!.data.length).toBe(0);
    // 12:20:30 in Rome (summer time), 1 July 2024: DOS fields count two-second steps and years from 1980.
    expect(entries.map((e) => [e.date, e.time])).toEqual(Array(3).fill([(44 << 9) | (7 << 5) | 1, (12 << 11) | (20 << 5) | 15]));
  });

  it('keeps DOS dates within the years they can hold', () => {
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z')).date >> 9).toBe(0);
    expect(dosDateTime(new Date('2019-01-10T08:00:00Z'))).toEqual({ date: (39 << 9) | (1 << 5) | 10, time: 9 << 11 });
  });

  it('is an archive with no entries when finished at once', async () => {
    const zip = new ZipStream({ modified: new Date() });
    const bytes = buffer(zip);
    zip.finish();
    const archive = await bytes;
    expect(archive.length).toBe(22);
    expect(readZip(archive)).toEqual([]);
  });

  it('stops taking data while nobody reads, then finishes once read', async () => {
    const zip = new ZipStream({ modified: new Date(), backlogBytes: 256 * 1024 });
    const entry = zip.startEntry('casuale.bin');
    // Incompressible: what waits is the compressed output nobody takes.
    const piece = randomBytes(128 * 1024);
    let written = 0;
    const writing = (async () => {
      for (let i = 0; i < 100; i++) {
        await entry.write(piece);
        written += 1;
      }
      await entry.end();
      zip.finish();
    })();
    await pause(300);
    const held = written;
    // The backlog, the compressor's buffers and the stream's: far below the 100 pieces.
    expect(held).toBeLessThan(10);
    await pause(100);
    expect(written).toBe(held);

    const archive = await buffer(zip);
    await writing;
    expect(written).toBe(100);
    expect(readZip(archive)[0]!.data.equals(Buffer.concat(Array(100).fill(piece)))).toBe(true);
  });

  it('rejects a waiting write once destroyed, and anything after', async () => {
    const zip = new ZipStream({ modified: new Date(), backlogBytes: 64 * 1024 });
    const entry = zip.startEntry('casuale.bin');
    const writes = (async () => {
      for (;;) await entry.write(randomBytes(64 * 1024));
    })();
    await pause(100);
    zip.destroy();
    await expect(writes).rejects.toThrow('ZIP stream destroyed');
    await expect(entry.end()).rejects.toThrow('ZIP stream destroyed');
  });

  it('refuses a second entry while one is open, and entries after the end', async () => {
    const zip = new ZipStream({ modified: new Date() });
    const bytes = buffer(zip);
    const entry = zip.startEntry('a');
    expect(() => zip.addFile('b', 'x')).toThrow('ZIP entry still open');
    expect(() => zip.finish()).toThrow('ZIP entry still open');
    await entry.end();
    zip.finish();
    expect(() => zip.startEntry('c')).toThrow('ZIP archive already finished');
    expect(readZip(await bytes).map((e) => [e.name, e.data.length])).toEqual([['a', 0]]);
  });
});
