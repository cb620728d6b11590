import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where the bytes of documents live. The default is the disk (below); a production with more
 * than one instance should use an S3-compatible object store implementing this same interface
 * (PutObject / multipart upload aborted when the stream fails, GetObject, DeleteObject), so that
 * every instance sees every document and the disk of one machine is not the only copy.
 */
export interface DocumentStore {
  /** Stores the stream's bytes under `key`, all or nothing: if the stream fails, nothing appears under `key`. */
  put(key: string, content: Readable): Promise<void>;
  /** The bytes stored under `key`; rejects when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes `key`; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are made by the service ("ab/<uuid>"): segments of safe characters, so never a path out of the root. */
const KEY = /^(?:[a-z0-9][a-z0-9_-]*\/)*[a-z0-9][a-z0-9_.-]*$/;

/**
 * Documents as files under one directory (DOCUMENTS_DIR, by default <DATA_DIR>/documents).
 * A file is written under a temporary name, flushed to disk, then renamed: a half-written upload
 * never appears under its key, and a failed one leaves nothing behind.
 */
export class DiskDocumentStore implements DocumentStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, content: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      for await (const chunk of content) {
        const bytes = chunk as Uint8Array;
        for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written)).bytesWritten;
      }
      await handle.sync();
      await handle.close();
      await rename(temporary, target);
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opened before returning, so a missing file rejects here rather than failing mid-response.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid document storage key: ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }
}
