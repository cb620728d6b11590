import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { ManualClock } from '../clock/clock.js';
import {
  CLAIM_INTEGRATION_POLICY,
  type DocumentPolicy,
  HELPDESK_ATTACHMENT_POLICY,
  PES_DOCUMENT_POLICY,
  PURCHASE_RECEIPT_POLICY,
} from './document-policy.js';
import { DiskDocumentStore } from './document-store.js';
import * as samples from './documents.samples.js';
import { createDocuments, type Documents } from './index.js';
import { UploadInterrupted } from './upload-document.js';

let database: TestDatabase;
let root: string;
let documents: Documents;
let store: DiskDocumentStore;
const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
let structureId: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  root = mkdtempSync(join(tmpdir(), 'sportello-documents-'));
  store = new DiskDocumentStore(root);
  documents = createDocuments({ db: database.kysely, store, clock });
  const pool = database.pool;
  structureId = (await pool.query(`INSERT INTO organisations (kind, name) VALUES ('merchant', 'Farmacia Prova') RETURNING id`)).rows[0].id;
  userId = (await pool.query(`INSERT INTO users (fiscal_code, given_name, family_name) VALUES ('PRVMRA80A01F839X', 'Mara', 'Prova') RETURNING id`)).rows[0].id;
});
afterAll(async () => {
  await database.drop();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await database.pool.query('DELETE FROM documents');
  rmSync(root, { recursive: true, force: true });
});

const storedFiles = () => {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
};
const rowCount = async () => (await database.pool.query('SELECT count(*)::int AS n FROM documents')).rows[0].n as number;

/** Chunks of 16 KiB, as a network delivers them. */
function chunked(bytes: Buffer, size = 16 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

function upload(policy: DocumentPolicy, bytes: Buffer | Readable, fileName = 'file.bin') {
  return documents.uploadStream({
    content: Buffer.isBuffer(bytes) ? chunked(bytes) : bytes,
    fileName,
    policy,
    owner: { structureId },
    uploadedBy: userId,
  });
}

async function expectRefused(promise: Promise<unknown>, status: number, code: string, message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ status, code });
  if (message) expect((error as Error).message).toMatch(message);
  expect((error as { fields: Record<string, string> }).fields.file).toBe((error as Error).message);
  expect(await rowCount()).toBe(0);
  expect(storedFiles()).toEqual([]);
}

describe('uploading a document', () => {
  it.each([
    ['a PDF receipt', PURCHASE_RECEIPT_POLICY, samples.samplePdf(), 'application/pdf', 'pdf'],
    ['a PNG receipt', PURCHASE_RECEIPT_POLICY, samples.samplePng(), 'image/png', 'png'],
    ['a PNG receipt with large metadata before the image, past the head', PURCHASE_RECEIPT_POLICY, samples.samplePngWithMetadata(), 'image/png', 'png'],
    ['a JPEG receipt', PURCHASE_RECEIPT_POLICY, samples.sampleJpeg(), 'image/jpeg', 'jpg'],
    ['a claim integration PDF', CLAIM_INTEGRATION_POLICY, samples.samplePdf(), 'application/pdf', 'pdf'],
    ['a PES PDF', PES_DOCUMENT_POLICY, samples.samplePdf(), 'application/pdf', 'pdf'],
    ['a help-desk GIF', HELPDESK_ATTACHMENT_POLICY, samples.sampleGif(), 'image/gif', 'gif'],
    ['a help-desk DOCX', HELPDESK_ATTACHMENT_POLICY, samples.sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['a help-desk DOCX with [Content_Types].xml last, past the head', HELPDESK_ATTACHMENT_POLICY, samples.sampleDocxContentTypesLast(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['a help-desk XLSX', HELPDESK_ATTACHMENT_POLICY, samples.sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['a help-desk ZIP', HELPDESK_ATTACHMENT_POLICY, samples.samplePlainZip(), 'application/zip', 'zip'],
    ['a large help-desk ZIP, past the head', HELPDESK_ATTACHMENT_POLICY, samples.samplePlainZip(200 * 1024), 'application/zip', 'zip'],
    ['a help-desk DOC', HELPDESK_ATTACHMENT_POLICY, samples.sampleCompoundFile('WordDocument'), 'application/msword', 'doc'],
    ['a help-desk DOC with its directory past the head', HELPDESK_ATTACHMENT_POLICY, samples.sampleCompoundFile('WordDocument', 200), 'application/msword', 'doc'],
    ['a help-desk XLS', HELPDESK_ATTACHMENT_POLICY, samples.sampleCompoundFile('Workbook'), 'application/vnd.ms-excel', 'xls'],
  ])('accepts %s, typed from its content', async (_label, policy, bytes, mediaType, extension) => {
    const record = await upload(policy, bytes, 'nome-qualsiasi.bin');
    expect(record).toMatchObject({
      purpose: policy.purpose,
      ownerStructureId: structureId,
      ownerUserId: null,
      originalName: 'nome-qualsiasi.bin',
      mediaType,
      extension,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: userId,
      createdAt: clock.now(),
    });
    const row = (await database.pool.query('SELECT * FROM documents WHERE id = $1', [record.id])).rows[0];
    expect(row).toMatchObject({ media_type: mediaType, sha256: record.sha256, size_bytes: bytes.length });
    expect((await buffer(await store.get(row.storage_key))).equals(bytes)).toBe(true);
    expect(storedFiles()).toEqual([record.id]);
  });

  it('refuses an executable renamed .pdf, naming the one type admitted', async () => {
    await expectRefused(upload(CLAIM_INTEGRATION_POLICY, samples.sampleElf(), 'integrazione.pdf'), 415, 'file_type_not_allowed', 'Il file non è un PDF valido: è accettato solo il formato PDF.');
    await expectRefused(upload(PES_DOCUMENT_POLICY, samples.samplePe(), 'progetto.pdf'), 415, 'file_type_not_allowed', /non è un PDF valido/);
    await expectRefused(upload(HELPDESK_ATTACHMENT_POLICY, samples.samplePe(), 'foto.png'), 415, 'file_type_not_allowed');
  });

  it('refuses a PNG where only PDF is admitted, and a PDF where only images are', async () => {
    await expectRefused(upload(PES_DOCUMENT_POLICY, samples.samplePng(), 'documento.pdf'), 415, 'file_type_not_allowed', /non è un PDF valido/);
    const imagesOnly = { ...PURCHASE_RECEIPT_POLICY, allowedTypes: ['jpeg', 'png'] } satisfies DocumentPolicy;
    await expectRefused(upload(imagesOnly, samples.samplePdf()), 415, 'file_type_not_allowed', 'Formato non ammesso: sono accettati JPEG e PNG.');
  });

  it('names every admitted type when refusing for a use that takes several', async () => {
    await expectRefused(upload(PURCHASE_RECEIPT_POLICY, samples.sampleGif()), 415, 'file_type_not_allowed', 'Formato non ammesso: sono accettati PDF, JPEG e PNG.');
    await expectRefused(upload(PURCHASE_RECEIPT_POLICY, Buffer.from('solo testo, nessun formato')), 415, 'file_type_not_allowed');
  });

  it('refuses what only looks like an admitted container: macro-enabled Word, other compound files, the wrong Office file', async () => {
    await expectRefused(upload(HELPDESK_ATTACHMENT_POLICY, samples.sampleDocm(), 'verbale.docx'), 415, 'file_type_not_allowed');
    await expectRefused(upload(HELPDESK_ATTACHMENT_POLICY, samples.sampleCompoundFile('\u0005SummaryInformation'), 'setup.doc'), 415, 'file_type_not_allowed');
    const wordOnly = { purpose: 'test-word', label: 'Prova', allowedTypes: ['docx', 'doc'], maxBytes: 1024 * 1024 } satisfies DocumentPolicy;
    // Decided only after the whole file went by: what was written is deleted.
    await expectRefused(upload(wordOnly, samples.samplePlainZip(200 * 1024), 'lettera.docx'), 415, 'file_type_not_allowed', 'Formato non ammesso: sono accettati DOC e DOCX.');
    await expectRefused(upload(wordOnly, samples.sampleCompoundFile('Workbook', 200), 'lettera.doc'), 415, 'file_type_not_allowed');
    const zipOnly = { ...wordOnly, allowedTypes: ['zip'] } satisfies DocumentPolicy;
    await expectRefused(upload(zipOnly, samples.sampleDocxContentTypesLast(), 'archivio.zip'), 415, 'file_type_not_allowed');
  });

  it('stops reading an oversize file at the first byte too many, keeping nothing', async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        const chunk = Buffer.concat([samples.samplePdf(), Buffer.alloc(64 * 1024 - samples.samplePdf().length, 0x20)]);
        produced += chunk.length;
        yield chunk;
      }
    }
    await expectRefused(upload(PURCHASE_RECEIPT_POLICY, Readable.from(endless())), 413, 'file_too_large', 'Il file supera la dimensione massima di 5 MB.');
    // Streamed, and read no further than the limit plus what the streams hold in their buffers.
    expect(produced).toBeGreaterThan(5 * 1024 * 1024);
    expect(produced).toBeLessThan(7 * 1024 * 1024);
    await expectRefused(upload(PES_DOCUMENT_POLICY, Buffer.concat([samples.samplePdf(), Buffer.alloc(2 * 1024 * 1024)])), 413, 'file_too_large', 'Il file supera la dimensione massima di 2 MB.');
  });

  it('takes a file of exactly the maximum size', async () => {
    const bytes = Buffer.concat([samples.samplePdf(), Buffer.alloc(2 * 1024 * 1024 - samples.samplePdf().length, 0x20)]);
    expect((await upload(PES_DOCUMENT_POLICY, bytes)).sizeBytes).toBe(2 * 1024 * 1024);
  });

  it('refuses an empty file', async () => {
    await expectRefused(upload(PURCHASE_RECEIPT_POLICY, Buffer.alloc(0), 'vuoto.pdf'), 422, 'file_empty', 'Il file è vuoto.');
  });

  it('refuses a file a parser upstream cut short', async () => {
    const promise = documents.uploadStream({
      content: chunked(samples.samplePdf()),
      fileName: 'x.pdf',
      policy: CLAIM_INTEGRATION_POLICY,
      owner: { structureId },
      uploadedBy: userId,
      isTruncated: () => true,
    });
    await expectRefused(promise, 413, 'file_too_large', 'Il file supera la dimensione massima di 10 MB.');
  });

  it('keeps nothing when the upload breaks off', async () => {
    async function* brokenOff() {
      yield Buffer.concat([samples.samplePdf(), Buffer.alloc(100 * 1024)]);
      throw new Error('aborted');
    }
    const error = await upload(CLAIM_INTEGRATION_POLICY, Readable.from(brokenOff())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadInterrupted);
    expect(await rowCount()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('records the owner person, the sanitised name, and removes the document with its bytes', async () => {
    const record = await documents.uploadStream({
      content: chunked(samples.samplePdf()),
      fileName: 'C:\\Documenti\\Ricevuta\u202Efdp.exe',
      policy: CLAIM_INTEGRATION_POLICY,
      owner: { userId },
      uploadedBy: userId,
    });
    expect(record).toMatchObject({ ownerUserId: userId, ownerStructureId: null, originalName: 'Ricevutafdp.exe', extension: 'pdf' });
    expect(await documents.find(record.id)).toEqual(record);
    await documents.remove(record.id);
    expect(await documents.find(record.id)).toBeUndefined();
    expect(storedFiles()).toEqual([]);
  });

  it('refuses, in the database, a document without an owner', async () => {
    await expect(
      database.pool.query(
        `INSERT INTO documents (id, purpose, original_name, media_type, extension, size_bytes, sha256, storage_key, uploaded_by)
         VALUES (gen_random_uuid(), 'x', 'a.pdf', 'application/pdf', 'pdf', 1, repeat('a', 64), 'k', $1)`,
        [userId],
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
