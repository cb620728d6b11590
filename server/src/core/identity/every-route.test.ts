import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../shared/fiscal-code.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Walks every registered API route as three intruders and proves that none leaks or acts:
 * - nobody signed in;
 * - an operator of another structure without the service;
 * - the owner of another structure (who holds the service there) aiming at this structure's records.
 * A module adding a route must give here a valid body for it, or this test fails.
 */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/auth/login': { username: 'farmacia.centrale', password: 'wrong' },
  'POST /api/auth/logout': undefined,
  'POST /api/session/structure': { structureId: '<victimStructure>' },
  'POST /api/structure/employees': { fiscalCode: `ZZZZZZ90A01F839${fiscalCodeCheckCharacter('ZZZZZZ90A01F839')}`, givenName: 'Intruso', familyName: 'Prova' },
  'POST /api/structure/employees/:userId/services': { service: 'istanza-rimborso' },
  'DELETE /api/structure/employees/:userId/services/:service': undefined,
  'POST /api/structure/employees/:userId/disable': undefined,
  'POST /api/structure/employees/:userId/enable': undefined,
  'POST /api/auth/password/forgot': { givenName: 'Francesca', familyName: 'Gallo', fiscalCode: DEMO_PEOPLE.merchantOperator.fiscalCode },
  'POST /api/auth/password/reset': { token: '00000000-0000-0000-0000-000000000000.invalid', password: 'Lampione.Verde42', passwordConfirmation: 'Lampione.Verde42' },
  'POST /api/demo/otp/send': { amountCents: 2500 },
  'POST /api/demo/otp/confirm': { challengeId: '00000000-0000-0000-0000-000000000000', code: '123456', amountCents: 2500 },
  'PUT /api/admin/clock': { date: '2030-01-01T00:00:00Z' },
  'POST /api/admin/clock/advance': { seconds: 86400 },
  'POST /api/notifications/:id/read': undefined,
  'POST /api/notifications/read-all': undefined,
  'POST /api/vouchers/:voucherId/purchases': { amountCents: 2500, idempotencyKey: 'intruder-purchase-0001', receiptDocumentId: '<victimDocument>' },
  'POST /api/vouchers/:voucherId/receipts': undefined,
  'POST /api/vouchers/purchases/:movementId/otp': undefined,
  'POST /api/vouchers/purchases/:movementId/confirm': { challengeId: '00000000-0000-0000-0000-000000000000', code: '123456' },
  'POST /api/vouchers/purchases/:movementId/cancellation/otp': undefined,
  'POST /api/vouchers/purchases/:movementId/cancellation': { challengeId: '00000000-0000-0000-0000-000000000000', code: '123456', idempotencyKey: 'intruder-cancellation' },
  'POST /api/voucher-programs': { name: 'Programma intruso', faceValueCents: 25000, validityMonths: 12, merchantStructureIds: ['<victimStructure>'] },
  'POST /api/voucher-programs/:programId/merchants': { merchantStructureIds: ['<victimStructure>'] },
  'DELETE /api/voucher-programs/:programId/merchants/:merchantStructureId': undefined,
  'POST /api/voucher-programs/:programId/imports': undefined,
  'POST /api/voucher-programs/:programId/imports/:importId/confirm': undefined,
  'POST /api/voucher-programs/:programId/imports/:importId/discard': undefined,
  'POST /api/claims': { regionStructureId: '<victimStructure>', iban: 'IT60X0542811101000000123456', email: 'intruso@example.it' },
  'PATCH /api/claims/:claimId': { email: 'intruso@example.it' },
  'POST /api/claims/:claimId/withdrawal': undefined,
  'POST /api/claims/:claimId/integration/document': undefined,
  'POST /api/claims/:claimId/integration/submission': undefined,
  'POST /api/claims-review/:claimId/approval': undefined,
  'POST /api/claims-review/:claimId/rejection': { reason: 'Intruso' },
  'POST /api/claims-review/:claimId/integration-request': { text: 'Intruso', deadline: '2030-01-10' },
  'POST /api/assistenza/requests': {},
  'POST /api/assistenza/my-requests/:requestId/answers': { body: 'Intruso' },
  'POST /api/assistenza/thread/answers': { token: 'x', body: 'Intruso' },
  'POST /api/assistenza/desk/requests/:requestId/assignment': { assigneeId: null },
  'POST /api/assistenza/desk/requests/:requestId/updates': { note: { body: 'Intruso', public: true }, status: 'risolto' },
  'POST /api/assistenza/desk/requests/:requestId/forwarding': { agencyId: '<victimStructure>' },
  'POST /api/assistenza/supervision/canned-replies': { title: 'Intruso', body: 'Intruso' },
  'PUT /api/assistenza/supervision/canned-replies/:id': { title: 'Intruso', body: 'Intruso' },
  'DELETE /api/assistenza/supervision/canned-replies/:id': undefined,
  'POST /api/claims-review/payment-batches': { claimIds: ['<victimClaim>'], debtorName: 'Intruso', debtorIban: 'IT60X0542811101000000123456', executionDate: '2030-01-10' },
};

let t: TestApp;
let victim: { structureId: string; userId: string; fiscalCode: string; documentId: string; voucherId: string; movementId: string; claimId: string; integrationId: string; requestId: string; cannedReplyId: string };

async function snapshot() {
  const db = t.database.pool;
  const q = async (sql: string) => JSON.stringify((await db.query(sql, [victim.structureId])).rows);
  return [
    await q('SELECT user_id, role, disabled_at FROM memberships WHERE organisation_id = $1 ORDER BY user_id'),
    await q('SELECT user_id, service_code FROM membership_services WHERE organisation_id = $1 ORDER BY 1, 2'),
    await q('SELECT count(*) FROM sessions WHERE structure_id = $1 AND revoked_at IS NULL'),
    JSON.stringify((await db.query('SELECT id, available_cents FROM vouchers ORDER BY id')).rows),
    JSON.stringify((await db.query('SELECT id, status, amount_cents FROM voucher_movements ORDER BY id')).rows),
    JSON.stringify((await db.query("SELECT count(*) FROM otp_challenges WHERE purpose = 'voucher.purchase'")).rows),
    JSON.stringify((await db.query('SELECT offset_ms FROM simulated_clock')).rows),
    JSON.stringify((await db.query('SELECT id, status, iban, email, evaluated_at FROM claims ORDER BY id')).rows),
    JSON.stringify((await db.query('SELECT claim_id, document_id, submitted_at FROM claim_integrations ORDER BY id')).rows),
    JSON.stringify((await db.query('SELECT count(*) FROM claim_payment_batches')).rows),
    JSON.stringify((await db.query('SELECT id, status, queue_structure_id, assignee_user_id FROM helpdesk_requests ORDER BY id')).rows),
    JSON.stringify((await db.query('SELECT count(*) FROM helpdesk_notes')).rows),
    JSON.stringify((await db.query('SELECT id, title, body, active FROM helpdesk_canned_replies ORDER BY id')).rows),
  ].join('\n');
}

function fill(url: string) {
  return url
    .replace('/api/documents/:id', `/api/documents/${victim.documentId}`)
    .replace(':userId', victim.userId)
    .replace(':service', 'voucher-secondogeniti')
    .replace(':voucherId', victim.voucherId)
    .replace(':movementId', victim.movementId)
    .replace(':claimId', victim.claimId)
    .replace(':requestId', victim.requestId)
    .replace('/canned-replies/:id', `/canned-replies/${victim.cannedReplyId}`)
    .replace(':integrationId', victim.integrationId)
    // The beneficiary of the victim's voucher, searched by an intruder.
    .replace(/^\/api\/vouchers\/search$/, `/api/vouchers/search?fiscalCode=${DEMO_PEOPLE.secondCitizen.fiscalCode}`);
}

function bodyFor(key: string) {
  const body = SAMPLE_BODIES[key];
  return body && typeof body === 'object'
    ? JSON.parse(JSON.stringify(body).replace('<victimStructure>', victim.structureId).replace('<victimDocument>', victim.documentId).replace('<victimClaim>', victim.claimId))
    : body;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.kysely;
  const farmacia = await db.selectFrom('organisations').select('id').where('name', '=', 'Farmacia Centrale').executeTakeFirstOrThrow();
  const gallo = await db.selectFrom('users').select(['id', 'fiscal_code']).where('fiscal_code', '=', DEMO_PEOPLE.merchantOperator.fiscalCode).executeTakeFirstOrThrow();
  // A document of the victim's structure: the row is enough, intruders are refused before its bytes are read.
  const document = await t.database.pool.query(
    `INSERT INTO documents (id, purpose, owner_structure_id, original_name, media_type, extension, size_bytes, sha256, storage_key, uploaded_by)
     VALUES (gen_random_uuid(), 'purchase-receipt', $1, 'scontrino.pdf', 'application/pdf', 'pdf', 1, repeat('0', 64), 'victim/scontrino', $2) RETURNING id`,
    [farmacia.id, gallo.id],
  );
  // A voucher in a program the victim is enrolled in, with a purchase of the victim "in attesa".
  const program = await t.database.pool.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id");
  await t.database.pool.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program.rows[0].id, farmacia.id]);
  const voucher = await t.database.pool.query(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ('VS-TEST-000001', $1, $2, '80380000000000000001', 'Laura', 'Russo', '+393331000013', 25000, 22500, '2000-01-01', '2999-12-31') RETURNING id`,
    [program.rows[0].id, DEMO_PEOPLE.secondCitizen.fiscalCode],
  );
  const movement = await t.database.pool.query(
    `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, idempotency_key, created_by, created_at)
     VALUES ($1, $2, 'acquisto', 'in_attesa', 2500, 'victim-purchase-0001', $3, now()) RETURNING id`,
    [voucher.rows[0].id, farmacia.id, gallo.id],
  );
  // A claim of the victim, "Da integrare", holding that purchase.
  const region = await db.selectFrom('organisations').select('id').where('name', '=', 'Regione Campania').executeTakeFirstOrThrow();
  const claim = await t.database.pool.query(
    `INSERT INTO claims (merchant_structure_id, region_structure_id, period_year, period_index, amount_cents, purchase_count, transactions_from, transactions_to,
                         iban, email, created_by, created_at, status_changed_at)
     VALUES ($1, $2, 2026, 1, 2500, 1, '2026-03-02', '2026-03-02', 'IT60X0542811101000000123456', 'vittima@example.it', $3, now(), now()) RETURNING id`,
    [farmacia.id, region.id, gallo.id],
  );
  await t.database.pool.query(
    `INSERT INTO claim_purchases (claim_id, movement_id, purchased_at, voucher_code, beneficiary_fiscal_code, amount_cents)
     VALUES ($1, $2, '2026-03-02T10:00:00Z', 'VS-TEST-000001', $3, 2500)`,
    [claim.rows[0].id, movement.rows[0].id, DEMO_PEOPLE.secondCitizen.fiscalCode],
  );
  await t.database.pool.query("UPDATE claims SET status = 'da_integrare' WHERE id = $1", [claim.rows[0].id]);
  const integration = await t.database.pool.query(
    `INSERT INTO claim_integrations (claim_id, request_text, deadline, requested_by, requested_at, document_id, document_uploaded_at)
     VALUES ($1, 'Inviare gli scontrini', '2999-01-01', $2, now(), $3, now()) RETURNING id`,
    [claim.rows[0].id, gallo.id, document.rows[0].id],
  );
  // A help-desk request Laura Russo filed signed in to ASL Napoli 1 Centro, with a private note, and
  // a canned reply of that agency.
  const asl = await db.selectFrom('organisations').select('id').where('name', '=', 'ASL Napoli 1 Centro').executeTakeFirstOrThrow();
  const laura = await db.selectFrom('users').select('id').where('fiscal_code', '=', DEMO_PEOPLE.secondCitizen.fiscalCode).executeTakeFirstOrThrow();
  const request = await t.database.pool.query(
    `INSERT INTO helpdesk_requests (service_code, role_code, category_code, given_name, family_name, fiscal_code, email, phone, description,
                                    agency_structure_id, queue_structure_id, citizen_user_id, created_at, status_changed_at)
     VALUES ('ritiro-referti', 'cittadino', 'referto-non-trovato', 'Laura', 'Russo', $1, 'laura.russo@example.it', '+393331000013',
             'Non trovo il referto', $2, $2, $3, now(), now()) RETURNING id`,
    [DEMO_PEOPLE.secondCitizen.fiscalCode, asl.id, laura.id],
  );
  await t.database.pool.query(
    `INSERT INTO helpdesk_notes (request_id, author_kind, author_name, audience, body, created_at) VALUES ($1, 'operator', 'Paolo Colombo', 'internal', 'Nota privata', now())`,
    [request.rows[0].id],
  );
  const canned = await t.database.pool.query(
    "INSERT INTO helpdesk_canned_replies (structure_id, title, body, updated_at) VALUES ($1, 'Risposta', 'Testo', now()) RETURNING id",
    [asl.id],
  );
  victim = {
    requestId: request.rows[0].id,
    cannedReplyId: canned.rows[0].id,
    claimId: claim.rows[0].id,
    integrationId: integration.rows[0].id,
    structureId: farmacia.id,
    userId: gallo.id,
    fiscalCode: gallo.fiscal_code!,
    documentId: document.rows[0].id,
    voucherId: voucher.rows[0].id,
    movementId: movement.rows[0].id,
  };
  // The victim is signed in, so a leak that ended his sessions would show.
  await new HttpClient(t.baseUrl).signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
});
afterAll(() => t.close());

describe('every registered route', () => {
  it('has a sample body in this test when it writes', () => {
    const writes = t.routes.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(writes.filter((k) => !(k in SAMPLE_BODIES))).toEqual([]);
    expect(t.routes.length).toBeGreaterThan(8);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const before = await snapshot();
    for (const route of t.routes.filter((r) => r.access !== 'public')) {
      const client = new HttpClient(t.baseUrl);
      await client.session();
      const r = await client.api(route.method, fill(route.url), bodyFor(`${route.method} ${route.url}`));
      expect(r.status, `${route.method} ${route.url}`).toBe(401);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses an operator of another structure without the service on every service route', async () => {
    const before = await snapshot();
    const intruder = new HttpClient(t.baseUrl);
    await intruder.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
    // She holds some services in her own structure (vouchers): there the victim's records answer like missing ones.
    const held = new Set(((await intruder.session()).services as { code: string }[]).map((s) => s.code));
    for (const route of t.routes.filter((r) => typeof r.access === 'object')) {
      const r = await intruder.api(route.method, fill(route.url), bodyFor(`${route.method} ${route.url}`));
      const service = (route.access as { service: string }).service;
      // A record of the victim answers like a missing one; a listing of her own structure may answer
      // (empty, or asking for its filters) as long as nothing of the victim's is in it.
      const targetsARecord = route.url.includes(':') || route.url === '/api/vouchers/search';
      const expected = !held.has(service) ? [403] : targetsARecord ? [404] : [200, 400];
      expect(expected, `${route.method} ${route.url} answered ${r.status}`).toContain(r.status);
      expect(JSON.stringify(r.body ?? '')).not.toContain(victim.fiscalCode);
      expect(JSON.stringify(r.body ?? '')).not.toContain(DEMO_PEOPLE.secondCitizen.fiscalCode);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses every administrator route to a person who is not an administrator', async () => {
    const before = await snapshot();
    const owner = new HttpClient(t.baseUrl);
    await owner.signInWithSpid(DEMO_PEOPLE.secondMerchantOwner.fiscalCode);
    const adminRoutes = t.routes.filter((r) => r.access === 'admin');
    expect(adminRoutes.length).toBeGreaterThan(2);
    for (const route of adminRoutes) {
      const r = await owner.api(route.method, fill(route.url), bodyFor(`${route.method} ${route.url}`));
      expect(r.status, `${route.method} ${route.url}`).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it('gives the owner of another structure nothing of this one: its records answer like missing ones', async () => {
    const before = await snapshot();
    const intruder = new HttpClient(t.baseUrl);
    await intruder.signInWithSpid(DEMO_PEOPLE.secondMerchantOwner.fiscalCode);
    for (const route of t.routes.filter((r) => r.access !== 'public' && r.url !== '/api/auth/logout')) {
      const key = `${route.method} ${route.url}`;
      const r = await intruder.api(route.method, fill(route.url), bodyFor(key));
      expect(JSON.stringify(r.body ?? ''), key).not.toContain(victim.fiscalCode);
      if (route.url.includes(':userId') || route.url.startsWith('/api/claims/:claimId') || route.url.startsWith('/api/assistenza/my-requests/:requestId') || key === 'POST /api/session/structure' || key === 'GET /api/documents/:id') {
        expect(r.status, key).toBe(404);
        expect(r.body.detail, key).toMatch(/non trovat/);
      }
    }
    expect(await snapshot()).toBe(before);
    // …while the same calls on his own structure work: the test is not passing by breaking everything.
    const own = await intruder.api('GET', '/api/structure/employees');
    expect(own.status).toBe(200);
    expect(own.body.items.some((e: { familyName: string }) => e.familyName === 'Marino')).toBe(true);
  });
});
