import type { Readable } from 'node:stream';
import { NotFound } from '../../platform/http/errors.js';
import { type DocumentCaller, type DocumentRecord, toRecord } from './document.js';
import { DOCUMENT_TYPES, type DocumentType, VIEWABLE_TYPES } from './document-policy.js';
import type { DocumentStore } from './document-store.js';
import type { DocumentsRepository } from './documents.repository.js';
import { contentDisposition, downloadName } from './file-name.js';

export interface DownloadDeps {
  documents: DocumentsRepository;
  store: DocumentStore;
}

export interface Download {
  document: DocumentRecord;
  content: Readable;
  /** The response headers: detected type, safe name, no sniffing, no caching anywhere. */
  headers: Record<string, string>;
}

/**
 * A document for the caller: his structure's (the one he is working in) or his own. Any other
 * answers NotFound exactly like a missing one, so ids of others cannot be probed.
 * `inline`: offer PDFs and images for viewing in the browser (still a download for anything else).
 */
export async function downloadDocument(deps: DownloadDeps, caller: DocumentCaller, id: string, options: { inline?: boolean } = {}): Promise<Download> {
  const row = await deps.documents.findVisibleTo(id, caller);
  if (!row) throw new NotFound('Documento non trovato.');
  const document = toRecord(row);
  const content = await deps.store.get(row.storage_key);
  return { document, content, headers: downloadHeaders(document, options.inline ?? false) };
}

export function downloadHeaders(document: DocumentRecord, inline: boolean): Record<string, string> {
  const type = typeOf(document);
  const disposition = inline && type && VIEWABLE_TYPES.has(type) ? 'inline' : 'attachment';
  return {
    'content-type': document.mediaType,
    'content-length': String(document.sizeBytes),
    'content-disposition': contentDisposition(disposition, downloadName(document.originalName, document.extension)),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    // RFC 9530: lets a client check it received the bytes that were uploaded.
    'repr-digest': `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`,
  };
}

function typeOf(document: DocumentRecord): DocumentType | undefined {
  return (Object.keys(DOCUMENT_TYPES) as DocumentType[]).find((t) => DOCUMENT_TYPES[t].mediaType === document.mediaType);
}
