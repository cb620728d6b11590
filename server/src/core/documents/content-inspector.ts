import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { type HeadVerdict, possibleTypes, SNIFF_BYTES, sniffHead } from './content-type.js';
import type { DocumentPolicy } from './document-policy.js';
import { FileEmpty, FileTooLarge, FileTypeNotAllowed, type UploadRefusal } from './documents.errors.js';

export interface Inspection {
  sizeBytes: number;
  sha256: string;
  verdict: HeadVerdict;
  /** The entire file when it fit in the sniffed head (containers are then looked into without a re-read). */
  whole: Buffer | null;
}

/**
 * Stands between the upload and the store: counts and hashes every byte, holds back the first
 * SNIFF_BYTES until their type is known, and fails the stream — so the store keeps nothing — as
 * soon as the file is too large, of a type the policy refuses, or ends empty.
 */
export class ContentInspector extends Transform {
  private head: Buffer[] = [];
  private headLength = 0;
  private verdict: HeadVerdict | null = null;
  private whole: Buffer | null = null;
  private size = 0;
  private readonly hash = createHash('sha256');
  /** Why the stream was failed, when it was refused. */
  refusal: UploadRefusal | null = null;
  /** What passed through, once the stream has ended without refusal. */
  inspection: Inspection | null = null;

  constructor(private readonly policy: DocumentPolicy) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.policy.maxBytes) return callback(this.refuse(new FileTooLarge(this.policy)));
    this.hash.update(chunk);
    if (this.verdict) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return callback();
    this.releaseHead(false).then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(this.refuse(new FileEmpty()));
    (this.verdict ? Promise.resolve() : this.releaseHead(true)).then(() => {
      this.inspection = { sizeBytes: this.size, sha256: this.hash.digest('hex'), verdict: this.verdict!, whole: this.whole };
      callback();
    }, callback);
  }

  /** Sniffs the held-back head; lets it through if the policy may admit what it is. */
  private async releaseHead(whole: boolean): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const verdict = await sniffHead(head, whole);
    if (!possibleTypes(verdict).some((type) => this.policy.allowedTypes.includes(type))) {
      throw this.refuse(new FileTypeNotAllowed(this.policy));
    }
    this.verdict = verdict;
    if (whole) this.whole = head;
    this.push(head);
  }

  private refuse(refusal: UploadRefusal): UploadRefusal {
    this.refusal ??= refusal;
    return refusal;
  }
}
