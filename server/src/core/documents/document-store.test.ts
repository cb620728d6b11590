import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskDocumentStore } from './document-store.js';

let root: string;
let store: DiskDocumentStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sportello-store-'));
  store = new DiskDocumentStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const files = () => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

describe('the disk document store', () => {
  it('stores, reads back and deletes (twice without complaint)', async () => {
    await store.put('ab/abcdef', Readable.from([Buffer.from('ciao '), Buffer.from('mondo')]));
    expect(await text(await store.get('ab/abcdef'))).toBe('ciao mondo');
    expect(files()).toEqual(['abcdef']);
    await store.delete('ab/abcdef');
    await store.delete('ab/abcdef');
    expect(files()).toEqual([]);
    await expect(store.get('ab/abcdef')).rejects.toThrow(/ENOENT/);
  });

  it('leaves nothing, not even the temporary file, when the stream fails half way', async () => {
    async function* failing() {
      yield Buffer.alloc(100_000, 1);
      throw new Error('connessione interrotta');
    }
    await expect(store.put('cd/cdef01', Readable.from(failing()))).rejects.toThrow('connessione interrotta');
    expect(files()).toEqual([]);
  });

  it('refuses keys that could leave its directory', async () => {
    for (const key of ['../x', '/etc/passwd', 'ab/../../x', 'AB/x', '', 'a//b']) {
      await expect(store.put(key, Readable.from([Buffer.from('x')])), key).rejects.toThrow(/Invalid document storage key/);
    }
    expect(files()).toEqual([]);
  });
});
