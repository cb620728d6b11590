import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock/clock.js';
import { DiskDocumentStore } from '../../core/documents/index.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { seedCoreDemo } from '../../demo/seed.js';
import { romeDate } from '../../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { periodOfDay } from './claim-window.js';
import { DEMO_DEBTOR, type DemoClaimsOptions, seedClaimsDemo } from './demo-data.js';
import { checkItalianIban } from './merchant/iban.js';
import { unclaimedPurchases } from './merchant/unclaimed-purchases.js';
import { validatePain001 } from './review/pain001-schema.testing.js';
import { shiftDay } from './review/rome-days.js';

/** The options the composition root passes, read back from the core demo data. */
async function demoOptions(database: TestDatabase, clock: ManualClock): Promise<DemoClaimsOptions> {
  const q = async (text: string, values: unknown[]) => (await database.pool.query(text, values)).rows[0].id as string;
  const org = (name: string) => q('SELECT id FROM organisations WHERE name = $1', [name]);
  const user = (fiscalCode: string) => q('SELECT id FROM users WHERE fiscal_code = $1', [fiscalCode]);
  return {
    clock,
    regionStructureId: await org('Regione Campania'),
    regionName: 'Regione Campania',
    regionOperator: { userId: await user(DEMO_PEOPLE.regionOperator.fiscalCode), name: 'Luca Romano' },
    farmacia: { structureId: await org('Farmacia Centrale'), name: 'Farmacia Centrale', userId: await user(DEMO_PEOPLE.merchantOwner.fiscalCode), email: 'amministrazione@farmaciacentrale.example.it' },
    babyStore: { structureId: await org('Baby Store Caserta'), name: 'Baby Store Caserta', userId: await user(DEMO_PEOPLE.secondMerchantOwner.fiscalCode), email: 'amministrazione@babystore.example.it' },
  };
}

// Seeded on the demo's day (3 December 2026, last month of the 3rd quadrimestre) and on other days.
describe.each(['2026-12-03T09:00:00Z', '2026-04-15T08:00:00Z', '2027-01-02T10:00:00Z'])('the claims’ demo data seeded at %s', (instant) => {
  const clock = new ManualClock(new Date(instant));
  const today = romeDate(clock.now());
  let database: TestDatabase;
  let documentsDir: string;
  let options: DemoClaimsOptions;

  beforeAll(async () => {
    database = await createTestDatabase();
    documentsDir = await mkdtemp(join(tmpdir(), 'sportello-claims-demo-'));
    await seedCoreDemo(database.kysely, { clock, documentStore: new DiskDocumentStore(documentsDir) });
    options = await demoOptions(database, clock);
    // seedCoreDemo seeds the claims too (demo/seed.ts); a second run finds them and writes nothing.
    expect(await database.kysely.transaction().execute((trx) => seedClaimsDemo(trx, options))).toBe(false);
  });
  afterAll(async () => {
    await database?.drop();
    await rm(documentsDir, { recursive: true, force: true });
  });

  const q = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];
  interface Row {
    id: string;
    merchant: string;
    merchant_structure_id: string;
    period_year: number;
    period_index: number;
    status: string;
    amount_cents: number;
    purchase_count: number;
    transactions_from: string;
    transactions_to: string;
    created_at: Date;
    iban: string;
    payment_batch_id: string | null;
  }
  const claims = () =>
    q<Row>(
      `SELECT c.*, o.name AS merchant FROM claims c JOIN organisations o ON o.id = c.merchant_structure_id ORDER BY c.period_year, c.period_index, o.name`,
    );

  it('gives Farmacia Centrale an earlier claim forwarded for payment and the last one to integrate; Baby Store one to evaluate', async () => {
    const current = periodOfDay(today);
    const last = current.index === 1 ? { year: current.year - 1, index: 3 } : { year: current.year, index: current.index - 1 };
    const beforeLast = last.index === 1 ? { year: last.year - 1, index: 3 } : { year: last.year, index: last.index - 1 };
    const rows = await claims();
    const summary = rows.map((c) => [c.merchant, `${c.period_index}/${c.period_year}`, c.status]);
    // Every demo merchant has purchases over the last 14 months, so every claim has something in it.
    expect(summary).toEqual([
      ['Farmacia Centrale', `${beforeLast.index}/${beforeLast.year}`, 'inoltrata'],
      ['Baby Store Caserta', `${last.index}/${last.year}`, 'da_valutare'],
      ['Farmacia Centrale', `${last.index}/${last.year}`, 'da_integrare'],
    ]);
    for (const c of rows) {
      expect(romeDate(c.created_at) <= today).toBe(true);
      expect(checkItalianIban(c.iban)).toEqual({ valid: true, iban: c.iban });
    }
  });

  it('builds each claim from the merchant’s real purchases before its filing day, amounts adding up', async () => {
    const rows = await claims();
    for (const c of rows) {
      const [sums] = await q<{ n: number; cents: number; from: string; to: string; foreign: number; late: number; not_live: number }>(
        `SELECT count(*)::int AS n, sum(cp.amount_cents)::bigint AS cents,
                (min(cp.purchased_at) AT TIME ZONE 'Europe/Rome')::date AS from, (max(cp.purchased_at) AT TIME ZONE 'Europe/Rome')::date AS to,
                count(*) FILTER (WHERE m.merchant_structure_id <> $2 OR m.kind <> 'acquisto' OR m.status <> 'confermato')::int AS foreign,
                count(*) FILTER (WHERE (m.created_at AT TIME ZONE 'Europe/Rome')::date >= ($3::timestamptz AT TIME ZONE 'Europe/Rome')::date)::int AS late,
                count(*) FILTER (WHERE NOT cp.live)::int AS not_live
           FROM claim_purchases cp JOIN voucher_movements m ON m.id = cp.movement_id WHERE cp.claim_id = $1`,
        [c.id, c.merchant_structure_id, c.created_at],
      );
      expect(sums).toMatchObject({ n: c.purchase_count, cents: c.amount_cents, from: c.transactions_from, to: c.transactions_to, foreign: 0, late: 0, not_live: 0 });
      expect(c.purchase_count).toBeGreaterThan(0);
    }
    // No purchase is in two claims.
    const [dup] = await q<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT movement_id FROM claim_purchases GROUP BY movement_id HAVING count(*) > 1) d');
    expect(dup!.n).toBe(0);
  });

  it('leaves the purchases of the current quadrimestre unclaimed, for a new claim', async () => {
    const current = periodOfDay(today);
    const opens = `${current.year}-${String(current.index * 4 - 3).padStart(2, '0')}-01`;
    for (const merchant of [options.farmacia, options.babyStore]) {
      const left = await unclaimedPurchases(database.kysely, { merchantStructureId: merchant.structureId, beforeDay: shiftDay(today, 1) })
        .select(['p.movement_id', 'p.purchased_at'])
        .execute();
      const [all] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM voucher_movements m WHERE m.merchant_structure_id = $1 AND m.kind = 'acquisto' AND m.status = 'confermato'
            AND m.created_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Rome')
            AND NOT EXISTS (SELECT 1 FROM voucher_movements c WHERE c.purchase_id = m.id AND c.status = 'confermato')`,
        [merchant.structureId, opens],
      );
      const ofCurrent = left.filter((p) => romeDate(p.purchased_at) >= opens);
      expect(ofCurrent.length).toBe(all!.n);
    }
  });

  it('has the forwarded claim’s payment batch with a valid SEPA file, and the open integration with a deadline ahead', async () => {
    const rows = await claims();
    const forwarded = rows.find((c) => c.status === 'inoltrata')!;
    const [batch] = await q<{ id: string; claim_count: number; control_sum_cents: number; xml: string; debtor_iban: string; created_at: Date }>('SELECT * FROM claim_payment_batches');
    expect(batch).toMatchObject({ id: forwarded.payment_batch_id, claim_count: 1, control_sum_cents: forwarded.amount_cents, debtor_iban: DEMO_DEBTOR.iban });
    expect(romeDate(batch!.created_at) <= today).toBe(true);
    expect((await validatePain001(batch!.xml)).errors).toEqual([]);
    expect(batch!.xml).toContain(`<InstdAmt Ccy="EUR">${(forwarded.amount_cents / 100).toFixed(2)}</InstdAmt>`);
    const waiting = rows.find((c) => c.status === 'da_integrare')!;
    const integrations = await q<{ deadline: string; submitted_at: Date | null; requested_at: Date }>('SELECT * FROM claim_integrations WHERE claim_id = $1', [waiting.id]);
    expect(integrations).toHaveLength(1);
    expect(integrations[0]!.deadline > today).toBe(true);
    expect(integrations[0]!.submitted_at).toBeNull();
    const history = await q<{ from_status: string | null; to_status: string; actor_kind: string }>(
      'SELECT from_status, to_status, actor_kind FROM claim_history WHERE claim_id = $1 ORDER BY id',
      [forwarded.id],
    );
    expect(history).toEqual([
      { from_status: null, to_status: 'da_valutare', actor_kind: 'merchant' },
      { from_status: 'da_valutare', to_status: 'approvata', actor_kind: 'region' },
      { from_status: 'approvata', to_status: 'inoltrata', actor_kind: 'region' },
    ]);
    // No e-mail for these past events.
    expect(await q("SELECT 1 FROM outbox_messages WHERE template = 'claim-status-changed'")).toEqual([]);
  });

  it('is written once', async () => {
    const before = (await claims()).length;
    expect(await seedClaimsDemo(database.kysely, options)).toBe(false);
    expect((await claims()).length).toBe(before);
  });
});
