import type {} from '@fastify/multipart'; // request.isMultipart() and request.file()
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyDb } from '../../platform/db/database.js';
import type { Clock } from '../clock/clock.js';
import { NotFound } from '../../platform/http/errors.js';
import { actorOf, recordAudit } from '../audit/audit.js';
import { principalOf } from '../identity/access.js';
import { type DocumentOwner, type DocumentRecord, toRecord } from './document.js';
import type { DocumentPolicy } from './document-policy.js';
import type { DocumentStore } from './document-store.js';
import { FileMissing } from './documents.errors.js';
import { DocumentsRepository } from './documents.repository.js';
import { documentsRoutes } from './documents.routes.js';
import { downloadDocument, downloadHeaders } from './download-document.js';
import { type UploadInput, uploadDocument } from './upload-document.js';

export type { DocumentCaller, DocumentOwner, DocumentRecord } from './document.js';
export * from './document-policy.js';
export { DiskDocumentStore, type DocumentStore } from './document-store.js';
export { FileEmpty, FileMissing, FileTooLarge, FileTypeNotAllowed } from './documents.errors.js';
export type { UploadInput } from './upload-document.js';
export { UploadInterrupted } from './upload-document.js';

export interface DocumentsDeps {
  db: AnyDb;
  store: DocumentStore;
  clock: Clock;
}

/** What modules get from the documents service (see createDocuments). */
export interface Documents {
  upload(request: FastifyRequest, policy: DocumentPolicy, owner: DocumentOwner): Promise<DocumentRecord>;
  uploadStream(input: UploadInput): Promise<DocumentRecord>;
  download(request: FastifyRequest, id: string, reply: FastifyReply, options?: { inline?: boolean }): Promise<FastifyReply>;
  sendAuthorised(request: FastifyRequest, id: string, reply: FastifyReply, options?: { inline?: boolean; personFiscalCode?: string | null }): Promise<FastifyReply>;
  find(id: string): Promise<DocumentRecord | undefined>;
  remove(id: string): Promise<void>;
  /** GET /api/documents/:id, to register in app.ts. */
  routes: (app: FastifyInstance) => Promise<void>;
}

/**
 * The documents service every module uses: it receives the file in its own route and calls
 * `upload(request, policy, owner)` with its policy; downloads go through `download` (or the
 * generic GET /api/documents/:id in `routes`).
 */
export function createDocuments({ db, store, clock }: DocumentsDeps): Documents {
  const documents = new DocumentsRepository(db);

  const service: Omit<Documents, 'routes'> = {
    /**
     * Stores the one file of a multipart request under `policy` for `owner`, uploaded by the
     * caller. Refusals (FileMissing, FileEmpty, FileTooLarge, FileTypeNotAllowed) leave nothing.
     */
    async upload(request: FastifyRequest, policy: DocumentPolicy, owner: DocumentOwner): Promise<DocumentRecord> {
      const principal = principalOf(request);
      if (!request.isMultipart()) throw new FileMissing();
      const part = await request.file();
      if (!part) throw new FileMissing();
      // On a refusal, the rest of the file is read and discarded: the request ends normally and the
      // client gets the answer (the multipart limits bound how much that can be).
      const drain = () => part.file.resume();
      const record = await uploadDocument(
        { documents, store, clock },
        {
          content: part.file,
          fileName: part.filename,
          policy,
          owner,
          uploadedBy: principal.user.id,
          isTruncated: () => part.file.truncated,
        },
      ).catch((error: unknown) => {
        drain();
        throw error;
      });
      await recordAudit(db, actorOf(request), {
        action: 'document.upload',
        subject: { type: 'document', id: record.id },
        after: { purpose: record.purpose, mediaType: record.mediaType, sizeBytes: record.sizeBytes, sha256: record.sha256 },
      });
      return record;
    },

    /** The same from any stream (imports, generated files, tests). */
    uploadStream(input: UploadInput): Promise<DocumentRecord> {
      return uploadDocument({ documents, store, clock }, input);
    },

    /**
     * Sends the document if it is the caller's structure's (the one he works in) or his own;
     * 404 otherwise, exactly like a missing one. A module with narrower rules checks them first.
     */
    async download(request: FastifyRequest, id: string, reply: FastifyReply, options: { inline?: boolean } = {}): Promise<FastifyReply> {
      const principal = principalOf(request);
      const caller = { userId: principal.user.id, structureId: principal.structure?.id ?? null };
      const { content, headers } = await downloadDocument({ documents, store }, caller, id, options);
      // Looking at a document is looking at a person's record: it goes in the audit log too.
      await recordAudit(db, actorOf(request), { action: 'document.view', subject: { type: 'document', id } });
      return reply.headers(headers).send(content);
    },

    /**
     * Sends a document the calling module has authorised through its own records (e.g. the receipt
     * of a purchase on the citizen's own voucher, which belongs to the merchant structure). The
     * module checks first; this only answers 404 for a missing one and audits the view.
     */
    async sendAuthorised(request: FastifyRequest, id: string, reply: FastifyReply, options: { inline?: boolean; personFiscalCode?: string | null } = {}): Promise<FastifyReply> {
      const row = await documents.findById(id);
      if (!row) throw new NotFound('Documento non trovato.');
      const content = await store.get(row.storage_key);
      await recordAudit(db, actorOf(request), { action: 'document.view', subject: { type: 'document', id }, personFiscalCode: options.personFiscalCode ?? null });
      return reply.headers(downloadHeaders(toRecord(row), options.inline ?? false)).send(content);
    },

    /** The record, without any authorisation: for a module that reached the id through its own, authorised, records. */
    async find(id: string): Promise<DocumentRecord | undefined> {
      const row = await documents.findById(id);
      return row ? toRecord(row) : undefined;
    },

    /** Deletes the record, then the bytes (a "Elimina" or the old file of a "Sostituisci"). */
    async remove(id: string): Promise<void> {
      const row = await documents.deleteById(id);
      if (row) await store.delete(row.storage_key);
    },
  };

  return { ...service, routes: documentsRoutes(service) };
}
