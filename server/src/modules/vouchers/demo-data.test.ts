import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock/clock.js';
import { DiskDocumentStore } from '../../core/documents/index.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { seedCoreDemo } from '../../demo/seed.js';
import { romeDate } from '../../shared/dates.js';
import { checkFiscalCode } from '../../shared/fiscal-code.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { DEMO_BENEFICIARIES, DEMO_PROGRAM, expiryOf, seedVouchersDemo, shiftDate } from './demo-data.js';
import { voucherState } from './voucher-state.js';
import { demoVoucherMerchants } from './citizen/demo-merchants.testing.js';

describe('shiftDate', () => {
  it('moves by months keeping the day when it exists, else the month’s last day, then by days', () => {
    expect(shiftDate('2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftDate('2028-03-31', -1)).toBe('2028-02-29');
    expect(shiftDate('2026-01-15', -14)).toBe('2024-11-15');
    expect(shiftDate('2026-03-01', 0, -1)).toBe('2026-02-28');
    expect(shiftDate('2026-12-31', 0, 1)).toBe('2027-01-01');
    expect(expiryOf('2026-03-01', 12)).toBe('2027-02-28');
  });
});

describe('the beneficiaries listed in the printout and the README', () => {
  it('have valid codici fiscali, 20-digit tessera sanitaria numbers and distinct voucher ids, and include the demo citizens', () => {
    for (const b of DEMO_BENEFICIARIES) {
      expect(checkFiscalCode(b.fiscalCode), b.fiscalCode).toEqual({ valid: true, code: b.fiscalCode });
      expect(b.healthCardNumber).toMatch(/^\d{20}$/);
    }
    expect(new Set(DEMO_BENEFICIARIES.map((b) => b.code)).size).toBe(DEMO_BENEFICIARIES.length);
    expect(new Set(DEMO_BENEFICIARIES.map((b) => b.fiscalCode)).size).toBe(DEMO_BENEFICIARIES.length);
    const giovanni = DEMO_BENEFICIARIES.find((b) => b.fiscalCode === DEMO_PEOPLE.citizen.fiscalCode);
    expect(giovanni).toMatchObject({ state: 'attivo' });
    expect(giovanni!.movements.length).toBeGreaterThan(0);
    expect(DEMO_BENEFICIARIES.some((b) => b.fiscalCode === DEMO_PEOPLE.secondCitizen.fiscalCode)).toBe(true);
  });

  it('are the ones the README lists, with their voucher and the state they are seeded in', async () => {
    const readme = await readFile(new URL('../../../../README.md', import.meta.url), 'utf8');
    const label = { attivo: 'attivo', non_attivo: 'non ancora attivo', scaduto: 'scaduto', esaurito: 'esaurito' } as const;
    for (const b of DEMO_BENEFICIARIES) {
      const row = readme.split('\n').find((line) => line.includes(b.fiscalCode) && line.includes(b.code));
      expect(row, b.code).toBeDefined();
      expect(row).toContain(`| ${b.givenName} ${b.familyName} | ${b.fiscalCode} | ${b.healthCardNumber} | ${b.code} | ${label[b.state]}`);
    }
  });
});

// Seeded on ordinary days, on a month's last day, on the night summer time ends, late in the evening.
describe.each(['2026-06-15T10:00:00Z', '2026-03-31T08:00:00Z', '2026-10-25T01:30:00Z', '2027-02-28T22:30:00Z'])('the vouchers’ demo data seeded at %s', (instant) => {
  const clock = new ManualClock(new Date(instant));
  const today = romeDate(clock.now());
  let database: TestDatabase;
  let documentsDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    documentsDir = await mkdtemp(join(tmpdir(), 'sportello-vouchers-demo-'));
    expect(await seedCoreDemo(database.kysely, { clock, documentStore: new DiskDocumentStore(documentsDir) })).toBe(true);
  });
  afterAll(async () => {
    await database?.drop();
    await rm(documentsDir, { recursive: true, force: true });
  });

  const q = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];

  it('is written once: a second start (or a second call) adds nothing', async () => {
    const count = async () => (await q<{ n: number }>('SELECT (SELECT count(*) FROM vouchers) + (SELECT count(*) FROM voucher_movements) AS n'))[0]!.n;
    const before = await count();
    expect(await seedCoreDemo(database.kysely, { clock })).toBe(false);
    expect(await seedVouchersDemo(database.kysely, clock, await demoVoucherMerchants(database.kysely))).toBe(false);
    expect(await count()).toBe(before);
  });

  it('has the program with both demo merchants enrolled', async () => {
    const programs = await q<{ name: string; face_value_cents: number; validity_months: number; merchants: string[] }>(
      `SELECT p.name, p.face_value_cents, p.validity_months, array_agg(o.name ORDER BY o.name) AS merchants
         FROM voucher_programs p JOIN voucher_program_merchants pm ON pm.program_id = p.id JOIN organisations o ON o.id = pm.merchant_structure_id
        GROUP BY p.id`,
    );
    expect(programs).toEqual([{ name: DEMO_PROGRAM.name, face_value_cents: 100_000, validity_months: 12, merchants: ['Baby Store Caserta', 'Farmacia Centrale'] }]);
  });

  it('has vouchers active, not yet active, expired and exhausted — each the state the printout announces', async () => {
    const vouchers = await q<{ code: string; activation_date: string; expiry_date: string; available_cents: string }>(
      "SELECT code, to_char(activation_date, 'YYYY-MM-DD') AS activation_date, to_char(expiry_date, 'YYYY-MM-DD') AS expiry_date, available_cents FROM vouchers",
    );
    expect(vouchers).toHaveLength(DEMO_BENEFICIARIES.length);
    const states = new Map(vouchers.map((v) => [v.code, voucherState(v, today)]));
    expect(new Set(states.values())).toEqual(new Set(['attivo', 'non_attivo', 'scaduto', 'esaurito']));
    for (const b of DEMO_BENEFICIARIES) expect(states.get(b.code), b.code).toBe(b.state);
  });

  it('keeps every balance equal to its ledger: initial − purchases + confirmed cancellations', async () => {
    const rows = await q<{ code: string; available_cents: string; ledger: string }>(
      `SELECT v.code, v.available_cents,
              v.initial_cents
                - COALESCE(sum(m.amount_cents) FILTER (WHERE m.kind = 'acquisto' AND m.status IN ('in_attesa', 'confermato')), 0)
                + COALESCE(sum(m.amount_cents) FILTER (WHERE m.kind = 'cancellazione' AND m.status = 'confermato'), 0) AS ledger
         FROM vouchers v LEFT JOIN voucher_movements m ON m.voucher_id = v.id GROUP BY v.id`,
    );
    for (const r of rows) expect(Number(r.available_cents), r.code).toBe(Number(r.ledger));
  });

  it('spreads confirmed movements over the last months at both merchants, each inside its voucher’s validity and in the past', async () => {
    const movements = await q<{ merchant: string; kind: string; status: string; day: string; created_at: Date; activation_date: string; expiry_date: string }>(
      `SELECT o.name AS merchant, m.kind, m.status, to_char(m.created_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS day, m.created_at,
              to_char(v.activation_date, 'YYYY-MM-DD') AS activation_date, to_char(v.expiry_date, 'YYYY-MM-DD') AS expiry_date
         FROM voucher_movements m JOIN vouchers v ON v.id = m.voucher_id JOIN organisations o ON o.id = m.merchant_structure_id`,
    );
    expect(movements.length).toBeGreaterThan(15);
    expect(new Set(movements.map((m) => m.merchant))).toEqual(new Set(['Farmacia Centrale', 'Baby Store Caserta']));
    expect(new Set(movements.map((m) => m.day.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
    for (const m of movements) {
      expect(m.status).toBe('confermato');
      expect(m.created_at.getTime()).toBeLessThan(clock.now().getTime());
      expect(m.day >= m.activation_date && m.day <= m.expiry_date && m.day < today, `${m.day} in ${m.activation_date}..${m.expiry_date}`).toBe(true);
    }
  });

  it('cancels a purchase on the day it was made, after it, for the same amount at the same merchant', async () => {
    const pairs = await q<{ same_day: boolean; after: boolean; same_amount: boolean; same_merchant: boolean }>(
      `SELECT (c.created_at AT TIME ZONE 'Europe/Rome')::date = (p.created_at AT TIME ZONE 'Europe/Rome')::date AS same_day,
              c.created_at > p.created_at AS after, c.amount_cents = p.amount_cents AS same_amount,
              c.merchant_structure_id = p.merchant_structure_id AS same_merchant
         FROM voucher_movements c JOIN voucher_movements p ON p.id = c.purchase_id WHERE c.kind = 'cancellazione'`,
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(pair).toEqual({ same_day: true, after: true, same_amount: true, same_merchant: true });
  });

  it('gives every demo purchase its own PDF receipt, owned by the merchant, in the document store', async () => {
    const receipts = await q<{ purpose: string; media_type: string; owner_matches: boolean; storage_key: string }>(
      `SELECT d.purpose, d.media_type, d.owner_structure_id = m.merchant_structure_id AS owner_matches, d.storage_key
         FROM voucher_movements m LEFT JOIN documents d ON d.id = m.receipt_document_id WHERE m.kind = 'acquisto'`,
    );
    for (const r of receipts) expect(r).toMatchObject({ purpose: 'purchase-receipt', media_type: 'application/pdf', owner_matches: true });
    const store = new DiskDocumentStore(documentsDir);
    const first = await store.get(receipts[0]!.storage_key);
    const chunks: Buffer[] = [];
    for await (const chunk of first) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain('SCONTRINO');
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });
});
