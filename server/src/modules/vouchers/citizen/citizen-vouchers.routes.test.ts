import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskDocumentStore } from '../../../core/documents/index.js';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { seedVouchersDemo } from '../demo-data.js';
import { demoVoucherMerchants } from './demo-merchants.testing.js';

const GIOVANNI = DEMO_PEOPLE.citizen;
const LAURA = DEMO_PEOPLE.secondCitizen;

let t: TestApp;
let documentsDir: string;
let giovanni: HttpClient;
let laura: HttpClient;
let giovanniVoucherId: string;
let lauraVoucherId: string;

interface Movement {
  id: string;
  code: string;
  createdAt: string;
  merchantName: string | null;
  kind: string;
  status: string;
  amountCents: number;
  hasReceipt: boolean;
}

async function auditRows(action: string, fiscalCode: string) {
  const { rows } = await t.database.pool.query('SELECT subject_type, subject_id, after FROM audit_log WHERE action = $1 AND person_fiscal_code = $2 ORDER BY occurred_at, id', [
    action,
    fiscalCode,
  ]);
  return rows as { subject_type: string; subject_id: string | null; after: unknown }[];
}

async function signedIn(fiscalCode: string) {
  const client = new HttpClient(t.baseUrl);
  await client.signInWithSpid(fiscalCode);
  return client;
}

beforeAll(async () => {
  documentsDir = await mkdtemp(join(tmpdir(), 'sportello-citizen-vouchers-'));
  t = await startTestApp({ env: { DOCUMENTS_DIR: documentsDir } });
  // The demo program, vouchers and movements (with their PDF receipts), as `npm start` seeds them.
  await seedVouchersDemo(t.database.kysely, t.simulatedClock, await demoVoucherMerchants(t.database.kysely), {
    documentStore: new DiskDocumentStore(documentsDir),
  });
  const ids = await t.database.pool.query('SELECT id, beneficiary_fiscal_code FROM vouchers');
  giovanniVoucherId = ids.rows.find((r) => r.beneficiary_fiscal_code === GIOVANNI.fiscalCode).id;
  lauraVoucherId = ids.rows.find((r) => r.beneficiary_fiscal_code === LAURA.fiscalCode).id;
  [giovanni, laura] = await Promise.all([signedIn(GIOVANNI.fiscalCode), signedIn(LAURA.fiscalCode)]);
});
afterAll(async () => {
  await t?.close();
  await rm(documentsDir, { recursive: true, force: true });
});

describe('I miei voucher', () => {
  it('lists the caller’s own vouchers with program, amounts, dates and state, and records the view', async () => {
    expect((await giovanni.api('GET', '/api/me/vouchers/summary')).body).toEqual({ count: 1 });
    const before = (await auditRows('voucher.list', GIOVANNI.fiscalCode)).length;

    const list = await giovanni.api('GET', '/api/me/vouchers');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const [voucher] = list.body.items;
    // 1.000,00 € less ten purchases (569,45 €) plus the cancelled one (54,00 €).
    expect(voucher).toMatchObject({
      id: giovanniVoucherId,
      code: 'VS-DEMO-0001',
      programName: 'Voucher Secondogeniti 2026',
      initialCents: 100_000,
      usedCents: 51_545,
      availableCents: 48_455,
      state: 'attivo',
    });
    expect(voucher.activationDate <= list.body.today && list.body.today <= voucher.expiryDate).toBe(true);
    // Nothing of anybody else's.
    expect(JSON.stringify(list.body)).not.toContain(LAURA.fiscalCode);

    const audit = await auditRows('voucher.list', GIOVANNI.fiscalCode);
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)!.after).toEqual({ voucherIds: [giovanniVoucherId] });
  });

  it('shows each person his own state: Laura’s voucher is exhausted', async () => {
    const list = await laura.api('GET', '/api/me/vouchers');
    expect(list.body.items).toEqual([expect.objectContaining({ id: lauraVoucherId, availableCents: 0, usedCents: 100_000, state: 'esaurito' })]);
  });

  it('shows a voucher’s movements at every merchant, newest first, paginated, and records each view', async () => {
    const views = (await auditRows('voucher.view', GIOVANNI.fiscalCode)).length;
    const first = await giovanni.api('GET', `/api/me/vouchers/${giovanniVoucherId}`);
    expect(first.status).toBe(200);
    expect(first.body.voucher).toMatchObject({ id: giovanniVoucherId, availableCents: 48_455, state: 'attivo' });
    const { items, total, page, pageSize } = first.body.movements as { items: Movement[]; total: number; page: number; pageSize: number };
    expect({ total, page, pageSize }).toEqual({ total: 11, page: 1, pageSize: 10 });
    expect(items).toHaveLength(10);
    const times = items.map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(items.map((m) => m.merchantName))).toEqual(new Set(['Farmacia Centrale', 'Baby Store Caserta']));

    // The cancellation of the same day gives the purchase back; only purchases have a receipt.
    const cancellation = items.find((m) => m.kind === 'cancellazione')!;
    expect(cancellation).toMatchObject({ status: 'confermato', amountCents: 5_400, merchantName: 'Baby Store Caserta', hasReceipt: false });
    expect(items.filter((m) => m.kind === 'acquisto').every((m) => m.hasReceipt && m.status === 'confermato')).toBe(true);
    expect(items[0]!.code).toMatch(/^MOV-[0-9A-F]{8}$/);

    const second = await giovanni.api('GET', `/api/me/vouchers/${giovanniVoucherId}?page=2`);
    expect(second.body.movements.items).toHaveLength(1);
    expect(second.body.movements.items[0].createdAt < items.at(-1)!.createdAt).toBe(true);

    const audit = await auditRows('voucher.view', GIOVANNI.fiscalCode);
    expect(audit).toHaveLength(views + 2);
    expect(audit.slice(-2).map((a) => [a.subject_type, a.subject_id, a.after])).toEqual([
      ['voucher', giovanniVoucherId, { page: 1 }],
      ['voucher', giovanniVoucherId, { page: 2 }],
    ]);
  });

  it('refuses a malformed id or page with a clear message', async () => {
    const bad = await giovanni.api('GET', '/api/me/vouchers/non-un-voucher');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.voucherId).toBe('Voucher non valido.');
    const big = await giovanni.api('GET', `/api/me/vouchers/${giovanniVoucherId}?pageSize=500`);
    expect(big.status).toBe(400);
    expect(big.body.fields.pageSize).toBe('Al massimo 100 movimenti per pagina.');
  });

  it('shows the receipt of his own purchase (a merchant’s document the generic download refuses him), and records it', async () => {
    const { items } = (await giovanni.api('GET', `/api/me/vouchers/${giovanniVoucherId}`)).body.movements as { items: Movement[] };
    const purchase = items.find((m) => m.kind === 'acquisto')!;
    const url = `/api/me/vouchers/${giovanniVoucherId}/movements/${purchase.id}/receipt`;
    const response = await giovanni.raw('GET', url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline/);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('VS-DEMO-0001');

    const { rows } = await t.database.pool.query('SELECT receipt_document_id FROM voucher_movements WHERE id = $1', [purchase.id]);
    const documentId = rows[0].receipt_document_id as string;
    expect((await giovanni.api('GET', `/api/documents/${documentId}`)).status).toBe(404);
    const audit = await auditRows('document.view', GIOVANNI.fiscalCode);
    expect(audit.at(-1)).toMatchObject({ subject_type: 'document', subject_id: documentId });

    // A cancellation has no receipt.
    const cancellation = items.find((m) => m.kind === 'cancellazione')!;
    expect((await giovanni.api('GET', `/api/me/vouchers/${giovanniVoucherId}/movements/${cancellation.id}/receipt`)).status).toBe(404);
  });

  it('gives another citizen, an operator and an anonymous caller nothing of his', async () => {
    const { items } = (await giovanni.api('GET', `/api/me/vouchers/${giovanniVoucherId}`)).body.movements as { items: Movement[] };
    const purchase = items.find((m) => m.kind === 'acquisto' && m.merchantName === 'Farmacia Centrale')!;
    const operator = await signedIn(DEMO_PEOPLE.merchantOperator.fiscalCode); // Farmacia Centrale, whose receipt it is
    const viewsBefore = (await auditRows('voucher.view', GIOVANNI.fiscalCode)).length;

    for (const [who, client] of [
      ['Laura', laura],
      ['operatrice di Farmacia Centrale', operator],
    ] as const) {
      const voucher = await client.api('GET', `/api/me/vouchers/${giovanniVoucherId}`);
      expect(voucher.status, who).toBe(404);
      expect(voucher.body.detail, who).toBe('Voucher non trovato.');
      for (const url of [
        `/api/me/vouchers/${giovanniVoucherId}/movements/${purchase.id}/receipt`,
        // His movement through her own voucher: still not hers.
        `/api/me/vouchers/${lauraVoucherId}/movements/${purchase.id}/receipt`,
      ]) {
        const receipt = await client.api('GET', url);
        expect(receipt.status, `${who} ${url}`).toBe(404);
        expect(JSON.stringify(receipt.body)).not.toContain(GIOVANNI.fiscalCode);
      }
      const list = await client.api('GET', '/api/me/vouchers');
      expect(JSON.stringify(list.body), who).not.toContain(giovanniVoucherId);
    }
    expect((await operator.api('GET', '/api/me/vouchers')).body.items).toEqual([]);
    expect((await operator.api('GET', '/api/me/vouchers/summary')).body).toEqual({ count: 0 });

    const anonymous = new HttpClient(t.baseUrl);
    await anonymous.session();
    for (const url of ['/api/me/vouchers', '/api/me/vouchers/summary', `/api/me/vouchers/${giovanniVoucherId}`, `/api/me/vouchers/${giovanniVoucherId}/movements/${purchase.id}/receipt`]) {
      expect((await anonymous.api('GET', url)).status, url).toBe(401);
    }
    // Refused looks are no views of his record.
    expect(await auditRows('voucher.view', GIOVANNI.fiscalCode)).toHaveLength(viewsBefore);
  });

  it('answers a citizen without vouchers with an empty list', async () => {
    const newcomer = await signedIn(DEMO_PEOPLE.newcomer.fiscalCode);
    expect((await newcomer.api('GET', '/api/me/vouchers/summary')).body).toEqual({ count: 0 });
    const list = await newcomer.api('GET', '/api/me/vouchers');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });
});
