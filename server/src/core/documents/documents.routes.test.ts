import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { freePort } from '../../../test/global-setup.js';
import { HttpClient } from '../../../test/http-client.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { seedCoreDemo } from '../../demo/seed.js';
import { ManualClock } from '../clock/clock.js';
import { principalOf, structureOf } from '../identity/access.js';
import { DOCUMENT_POLICIES } from './document-policy.js';
import { DiskDocumentStore } from './document-store.js';
import * as samples from './documents.samples.js';
import { createDocuments } from './index.js';

/**
 * The service through HTTP, as a module uses it: a test-only upload route (standing for e.g.
 * "allega lo scontrino") calls `documents.upload`; downloads go through the real GET /api/documents/:id.
 */
let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let root: string;

function testUploadRoute(documents: ReturnType<typeof createDocuments>) {
  return async (root: FastifyInstance) => {
    root.withTypeProvider<ZodTypeProvider>().post(
      '/api/test/documents/:purpose',
      {
        config: { access: 'user' },
        schema: {
          params: z.object({ purpose: z.enum(DOCUMENT_POLICIES.map((p) => p.purpose) as [string, ...string[]]) }),
          querystring: z.object({ owner: z.enum(['structure', 'user']).default('structure') }),
        },
      },
      async (request, reply) => {
        const policy = DOCUMENT_POLICIES.find((p) => p.purpose === request.params.purpose)!;
        const owner = request.query.owner === 'user' ? { userId: principalOf(request).user.id } : { structureId: structureOf(request).structure.id };
        return reply.status(201).send(await documents.upload(request, policy, owner));
      },
    );
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCoreDemo(database.kysely);
  root = mkdtempSync(join(tmpdir(), 'sportello-documents-http-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    DOCUMENTS_DIR: root,
    LOG_LEVEL: 'silent',
  });
  const clock = new ManualClock();
  ({ app } = await buildApp({ config, database, clock, webDist: '/nonexistent' }));
  await app.register(testUploadRoute(createDocuments({ db: database.kysely, store: new DiskDocumentStore(root), clock })));
  await app.listen({ port, host: '127.0.0.1' });
  baseUrl = config.publicUrl;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
  rmSync(root, { recursive: true, force: true });
});

async function signedIn(person: keyof typeof DEMO_PEOPLE, structure?: string) {
  const client = new HttpClient(baseUrl);
  await client.signInWithSpid(DEMO_PEOPLE[person].fiscalCode);
  if (structure) await client.selectStructure(structure);
  return client;
}

async function upload(client: HttpClient, purpose: string, bytes: Buffer, name: string, options: { owner?: 'user'; declaredType?: string; csrf?: boolean } = {}) {
  const form = new FormData();
  form.append('note', 'campo prima del file');
  form.append('file', new Blob([new Uint8Array(bytes)], { type: options.declaredType ?? 'application/octet-stream' }), name);
  const response = await fetch(`${baseUrl}/api/test/documents/${purpose}${options.owner ? `?owner=${options.owner}` : ''}`, {
    method: 'POST',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(options.csrf === false ? {} : { 'x-csrf-token': client.csrfToken }),
    },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

async function download(client: HttpClient, id: string, query = '') {
  const response = await client.raw('GET', `/api/documents/${id}${query}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString()) };
}

const nothingStored = async () => {
  const rows = (await database.pool.query('SELECT count(*)::int AS n FROM documents')).rows[0].n;
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return { rows, files };
};

describe('documents over HTTP', () => {
  let receiptId: string;
  const receipt = samples.samplePdf('Scontrino Farmacia Centrale');

  it('stores a receipt for the operator’s structure, typed from the content, with its SHA-256', async () => {
    const gallo = await signedIn('merchantOperator');
    const r = await upload(gallo, 'purchase-receipt', receipt, 'Ricevuta «Caffè» n.1.PDF', { declaredType: 'image/png' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      purpose: 'purchase-receipt',
      originalName: 'Ricevuta «Caffè» n.1.PDF',
      mediaType: 'application/pdf',
      extension: 'pdf',
      sizeBytes: receipt.length,
      sha256: createHash('sha256').update(receipt).digest('hex'),
      ownerUserId: null,
    });
    receiptId = r.body.id;
  });

  it('gives it back to its structure with safe headers', async () => {
    const gallo = await signedIn('merchantOperator');
    const r = await download(gallo, receiptId);
    expect(r.status).toBe(200);
    expect(r.bytes.equals(receipt)).toBe(true);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-length')).toBe(String(receipt.length));
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="Ricevuta _Caffe_ n.1.pdf"; filename*=UTF-8''Ricevuta%20%C2%ABCaff%C3%A8%C2%BB%20n.1.pdf`,
    );
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(receipt).digest('base64')}:`);
    expect((await download(gallo, receiptId, '?inline=true')).headers.get('content-disposition')).toMatch(/^inline; /);
    // The owner of the structure too, while he works in it.
    expect((await download(await signedIn('merchantOwner', 'Farmacia Centrale'), receiptId)).status).toBe(200);
    // Upload and every view are in the audit log, with who looked.
    const audit = await database.pool.query("SELECT action, actor_name FROM audit_log WHERE subject_type = 'document' AND subject_id = $1 ORDER BY id", [receiptId]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['document.upload', 'document.view', 'document.view', 'document.view']);
    expect(audit.rows[3].actor_name).toBe('Mario Rossi');
  });

  it('answers another structure, and the same owner working in another structure, exactly like a missing document', async () => {
    const missing = await download(await signedIn('merchantOperator'), randomUUID());
    expect(missing.status).toBe(404);
    for (const intruder of [await signedIn('secondMerchantOperator'), await signedIn('merchantOwner', 'Baby Store Caserta'), await signedIn('citizen')]) {
      const r = await download(intruder, receiptId);
      expect(r.status).toBe(404);
      expect(r.json()).toEqual(missing.json());
      expect(r.headers.get('content-type')).toBe(missing.headers.get('content-type'));
    }
  });

  it('keeps a person’s own document his: other people and his structure’s colleagues get 404', async () => {
    const ferrari = await signedIn('citizen');
    const pdf = samples.samplePdf('Integrazione');
    const stored = await upload(ferrari, 'claim-integration', pdf, 'integrazione.pdf', { owner: 'user' });
    expect(stored.status).toBe(201);
    expect(stored.body.ownerStructureId).toBeNull();
    expect((await download(ferrari, stored.body.id)).bytes.equals(pdf)).toBe(true);
    const missing = (await download(ferrari, randomUUID())).json();
    for (const other of [await signedIn('secondCitizen'), await signedIn('merchantOperator')]) {
      const r = await download(other, stored.body.id);
      expect(r.status).toBe(404);
      expect(r.json()).toEqual(missing);
    }
  });

  it('refuses anonymous callers: 401 on download and upload, nothing stored', async () => {
    const before = await nothingStored();
    const anonymous = new HttpClient(baseUrl);
    await anonymous.session();
    expect((await download(anonymous, receiptId)).status).toBe(401);
    expect((await upload(anonymous, 'purchase-receipt', receipt, 'a.pdf')).status).toBe(401);
    expect(await nothingStored()).toEqual(before);
  });

  describe('refusals leave nothing behind', () => {
    let gallo: HttpClient;
    let before: { rows: number; files: number };
    beforeAll(async () => {
      gallo = await signedIn('merchantOperator');
      before = await nothingStored();
    });

    it('an executable renamed .pdf', async () => {
      const r = await upload(gallo, 'claim-integration', samples.sampleElf(), 'integrazione.pdf', { declaredType: 'application/pdf' });
      expect(r.status).toBe(415);
      expect(r.body).toMatchObject({ code: 'file_type_not_allowed', detail: 'Il file non è un PDF valido: è accettato solo il formato PDF.' });
      expect(r.body.fields.file).toBe(r.body.detail);
      expect(await nothingStored()).toEqual(before);
    });

    it('a PNG where only PDF is admitted', async () => {
      const r = await upload(gallo, 'pes-document', samples.samplePng(), 'progetto.pdf');
      expect(r.status).toBe(415);
      expect(await nothingStored()).toEqual(before);
    });

    it('an oversize file, streamed; the connection still serves the next request', async () => {
      const big = Buffer.concat([samples.samplePdf(), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
      const r = await upload(gallo, 'purchase-receipt', big, 'scontrino.pdf');
      expect(r.status).toBe(413);
      expect(r.body).toMatchObject({ code: 'file_too_large', detail: 'Il file supera la dimensione massima di 5 MB.' });
      expect(await nothingStored()).toEqual(before);
      // Larger than every use: the parser's own limit is behind the service's.
      const huge = Buffer.concat([samples.samplePdf(), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
      expect((await upload(gallo, 'claim-integration', huge, 'integrazione.pdf')).body.code).toBe('file_too_large');
      expect(await nothingStored()).toEqual(before);
      expect((await download(gallo, receiptId)).status).toBe(200);
    });

    it('an empty file, a request without a file, a request that is not multipart', async () => {
      expect((await upload(gallo, 'purchase-receipt', Buffer.alloc(0), 'vuoto.pdf')).body).toMatchObject({ status: 422, code: 'file_empty' });
      const noFile = await fetch(`${baseUrl}/api/test/documents/purchase-receipt`, {
        method: 'POST',
        headers: { cookie: [...gallo.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': gallo.csrfToken },
        body: (() => {
          const form = new FormData();
          form.append('note', 'solo un campo');
          return form;
        })(),
      });
      expect(noFile.status).toBe(422);
      expect(await noFile.json()).toMatchObject({ code: 'file_missing', detail: 'Nessun file allegato: scegli il file da caricare.' });
      const json = await gallo.api('POST', '/api/test/documents/purchase-receipt', { file: 'base64...' });
      expect(json.status).toBe(422);
      expect(json.body.code).toBe('file_missing');
      expect(await nothingStored()).toEqual(before);
    });

    it('an upload without the CSRF token', async () => {
      expect((await upload(gallo, 'purchase-receipt', receipt, 'a.pdf', { csrf: false })).status).toBe(403);
      expect(await nothingStored()).toEqual(before);
    });
  });
});
