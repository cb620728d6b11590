import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocuments, DiskDocumentStore } from '../../../core/documents/index.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { expireIntegrations } from './expire-integrations.js';
import { claimEmails, insertClaim, type ReviewWorld, reviewWorld } from './review.testing.js';

let t: TestApp;
let w: ReviewWorld;
let deps: ClaimsDeps;

beforeAll(async () => {
  t = await startTestApp();
  // 00:30 in Rome on 3 December: already "today" there, still the 2nd in UTC.
  t.clock.set(new Date('2026-12-02T23:30:00Z'));
  w = await reviewWorld(t);
  deps = {
    db: t.database.kysely,
    clock: t.simulatedClock,
    documents: createDocuments({ db: t.database.kysely, store: new DiskDocumentStore(t.documentsDir), clock: t.simulatedClock }),
    publicUrl: t.baseUrl,
  };
});
afterAll(() => t.close());

const statusOf = async (id: string) => (await t.database.pool.query('SELECT status FROM claims WHERE id = $1', [id])).rows[0].status;

describe('expireIntegrations', () => {
  it('expires only claims "Da integrare" whose deadline (a Rome day) is past, once', async () => {
    const yesterday = await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2030, index: 1, status: 'da_integrare', deadline: '2026-12-02' });
    const elsewhere = await insertClaim(t, { merchantId: w.babyStore, regionId: w.basilicata, year: 2030, index: 1, status: 'da_integrare', deadline: '2026-11-15' });
    const today = await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2030, index: 2, status: 'da_integrare', deadline: '2026-12-03' });
    const later = await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2030, index: 3, status: 'da_integrare', deadline: '2027-01-10' });
    // Integrated in time (back to "Da valutare"): its old request's deadline does not matter.
    const integrated = await insertClaim(t, { merchantId: w.babyStore, regionId: w.campania, year: 2030, index: 2, status: 'da_integrare', deadline: '2026-11-01' });
    await t.database.pool.query("UPDATE claim_integrations SET submitted_at = now(), document_id = gen_random_uuid() WHERE claim_id = $1", [integrated.id]);
    await t.database.pool.query("UPDATE claims SET status = 'da_valutare' WHERE id = $1", [integrated.id]);

    expect(await expireIntegrations(deps)).toBe(2);
    expect(await statusOf(yesterday.id)).toBe('scaduta');
    expect(await statusOf(elsewhere.id)).toBe('scaduta');
    expect(await statusOf(today.id)).toBe('da_integrare');
    expect(await statusOf(later.id)).toBe('da_integrare');
    expect(await statusOf(integrated.id)).toBe('da_valutare');

    const history = await t.database.pool.query("SELECT from_status, actor_kind, actor_name, note FROM claim_history WHERE claim_id = $1 AND to_status = 'scaduta'", [yesterday.id]);
    expect(history.rows).toEqual([{ from_status: 'da_integrare', actor_kind: 'system', actor_name: 'Sistema', note: "Termine per l'integrazione scaduto il 02/12/2026." }]);
    const live = await t.database.pool.query('SELECT bool_or(live) AS any FROM claim_purchases WHERE claim_id = $1', [yesterday.id]);
    expect(live.rows[0].any).toBe(false);
    const emails = await claimEmails(t, yesterday.number);
    expect(emails).toHaveLength(2);
    expect(emails[0]!.data).toMatchObject({ status: 'Scaduta', note: "Termine per l'integrazione scaduto il 02/12/2026." });

    // Idempotent: nothing more today.
    expect(await expireIntegrations(deps)).toBe(0);
    expect(await claimEmails(t, yesterday.number)).toHaveLength(2);

    // Tomorrow (Rome), the claim due today expires too.
    t.clock.set(new Date('2026-12-03T23:00:00Z'));
    expect(await expireIntegrations(deps)).toBe(1);
    expect(await statusOf(today.id)).toBe('scaduta');
    expect(await statusOf(later.id)).toBe('da_integrare');
  });

  it('two instances running at once expire each claim exactly once', async () => {
    const ids: string[] = [];
    for (let year = 2100; year < 2140; year++) {
      for (const index of [1, 2, 3]) {
        ids.push((await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year, index, status: 'da_integrare', deadline: '2026-11-30', amounts: [100] })).id);
      }
    }
    const [a, b] = await Promise.all([expireIntegrations(deps), expireIntegrations(deps)]);
    expect(a + b).toBe(ids.length);
    const rows = await t.database.pool.query(
      "SELECT c.status, count(h.id)::int AS changes FROM claims c LEFT JOIN claim_history h ON h.claim_id = c.id AND h.to_status = 'scaduta' WHERE c.id = ANY($1) GROUP BY c.id, c.status",
      [ids],
    );
    expect(rows.rows.every((r) => r.status === 'scaduta' && r.changes === 1)).toBe(true);
    expect(rows.rows).toHaveLength(ids.length);
  });
});
