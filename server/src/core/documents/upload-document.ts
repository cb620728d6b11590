import { randomUUID } from 'node:crypto';
import { finished, Readable } from 'node:stream';
import { AppError } from '../../platform/http/errors.js';
import type { Clock } from '../clock/clock.js';
import { ContentInspector, type Inspection } from './content-inspector.js';
import { identifyCompoundFile, identifyZip } from './content-type.js';
import { type DocumentOwner, type DocumentRecord, toRecord } from './document.js';
import { DOCUMENT_TYPES, type DocumentPolicy, type DocumentType } from './document-policy.js';
import type { DocumentStore } from './document-store.js';
import { FileTooLarge, FileTypeNotAllowed, isUploadRefusal } from './documents.errors.js';
import type { DocumentsRepository } from './documents.repository.js';
import { sanitiseFileName } from './file-name.js';

export interface UploadDeps {
  documents: DocumentsRepository;
  store: DocumentStore;
  clock: Clock;
}

export interface UploadInput {
  /** The file's bytes as they arrive (e.g. the file stream of @fastify/multipart). */
  content: Readable;
  /** The name the user gave; kept sanitised, never trusted for the type. */
  fileName: string | undefined;
  policy: DocumentPolicy;
  owner: DocumentOwner;
  /** Null only for an anonymous upload (a help-desk request filed without login). */
  uploadedBy: string | null;
  /** True when a parser upstream cut the file short (its own size limit): then it is too large. */
  isTruncated?: () => boolean;
}

export class UploadInterrupted extends AppError {
  constructor() {
    super(400, 'upload_interrupted', 'Il caricamento del file si è interrotto: riprova.');
  }
}

/**
 * Stores one uploaded file under a policy: type from the content, size counted while streaming
 * (stopping at the first byte too many), SHA-256 recorded. On any refusal nothing stays in the
 * store and no row is written.
 */
export async function uploadDocument(deps: UploadDeps, input: UploadInput): Promise<DocumentRecord> {
  const { policy, content } = input;
  const id = randomUUID();
  const storageKey = `${id.slice(0, 2)}/${id}`;
  const inspector = new ContentInspector(policy);
  let interrupted = false;
  finished(content, (error) => {
    if (error && !inspector.destroyed) {
      interrupted = true;
      inspector.destroy(new UploadInterrupted());
    }
  });
  // The store may fail the inspector before it starts reading it (an empty file, a refused head):
  // the failure is kept in `refusal` and found below, never left as an unhandled 'error'.
  inspector.on('error', () => {});
  content.pipe(inspector);

  try {
    await deps.store.put(storageKey, inspector);
    const inspection = inspector.inspection;
    if (!inspection) throw inspector.refusal ?? new UploadInterrupted();
    if (input.isTruncated?.()) throw new FileTooLarge(policy);
    const type = await finalType(inspection, () => deps.store.get(storageKey));
    if (!type || !policy.allowedTypes.includes(type)) throw new FileTypeNotAllowed(policy);
    const row = await deps.documents.insert({
      id,
      purpose: policy.purpose,
      owner_structure_id: input.owner.structureId ?? null,
      owner_user_id: input.owner.userId ?? null,
      original_name: sanitiseFileName(input.fileName),
      media_type: DOCUMENT_TYPES[type].mediaType,
      extension: DOCUMENT_TYPES[type].extension,
      size_bytes: inspection.sizeBytes,
      sha256: inspection.sha256,
      storage_key: storageKey,
      uploaded_by: input.uploadedBy,
      created_at: deps.clock.now(),
    });
    return toRecord(row);
  } catch (error) {
    // The rest of the content is the caller's: an HTTP adapter reads it to the end and discards it.
    content.unpipe(inspector);
    // A store that cannot delete leaves bytes no row points to: unreachable, and the user must
    // still learn why his file was refused rather than see a storage error.
    await deps.store.delete(storageKey).catch(() => {});
    if (inspector.refusal) throw inspector.refusal;
    if (isUploadRefusal(error) || error instanceof UploadInterrupted) throw error;
    throw interrupted ? new UploadInterrupted() : error;
  }
}

/** The type, looking into a zip or compound file when the first bytes could not settle it. */
async function finalType(inspection: Inspection, reread: () => Promise<Readable>): Promise<DocumentType | undefined> {
  const { verdict, whole } = inspection;
  if (verdict.kind === 'type') return verdict.type;
  if (verdict.kind === 'unknown') return undefined;
  const content = whole ? Readable.from([whole]) : await reread();
  return verdict.kind === 'zip' ? identifyZip(content) : identifyCompoundFile(content);
}
