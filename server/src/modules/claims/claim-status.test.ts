import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { CLAIM_STATUS_CODES, CLAIM_STATUSES, CLAIM_TRANSITIONS, type ClaimStatus, canTransition, transitionActor, withdrawalRefusal } from './claim-status.js';
import type { ClaimActorKind } from './claims.tables.js';

const ACTORS: ClaimActorKind[] = ['merchant', 'region', 'system'];
const allowed = (from: ClaimStatus, to: ClaimStatus) => CLAIM_TRANSITIONS.find((t) => t.from === from && t.to === to);

describe('claim statuses (pure)', () => {
  it('allows each listed transition to its actor only', () => {
    for (const t of CLAIM_TRANSITIONS) {
      expect(transitionActor(t.from, t.to)).toBe(t.actor);
      for (const actor of ACTORS) expect(canTransition(t.from, t.to, actor), `${t.from}→${t.to} by ${actor}`).toBe(actor === t.actor);
    }
  });

  it('refuses every other move, for every actor', () => {
    let refused = 0;
    for (const from of CLAIM_STATUS_CODES) {
      for (const to of CLAIM_STATUS_CODES) {
        if (allowed(from, to)) continue;
        expect(transitionActor(from, to), `${from}→${to}`).toBeNull();
        for (const actor of ACTORS) expect(canTransition(from, to, actor)).toBe(false);
        refused++;
      }
    }
    expect(refused).toBe(7 * 7 - CLAIM_TRANSITIONS.length);
  });

  it('lets nothing leave the final statuses', () => {
    for (const final of ['rifiutata', 'scaduta', 'inoltrata', 'annullata'] as const) {
      expect(CLAIM_TRANSITIONS.filter((t) => t.from === final)).toEqual([]);
    }
  });

  it('explains why a withdrawal is refused', () => {
    expect(withdrawalRefusal('da_valutare')).toBeNull();
    expect(withdrawalRefusal('da_integrare')).toBeNull();
    expect(withdrawalRefusal('approvata')).toBeNull();
    expect(withdrawalRefusal('inoltrata')).toBe("L'istanza non può essere annullata: è già avviata la procedura di pagamento.");
    expect(withdrawalRefusal('rifiutata')).toBe("Un'istanza nello stato «Rifiutata» non può essere annullata.");
    expect(withdrawalRefusal('annullata')).toBe("Un'istanza nello stato «Annullata» non può essere annullata.");
  });
});

describe('claim statuses in the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('holds the same statuses and transitions as claim-status.ts', async () => {
    const statuses = await db.pool.query('SELECT code, label, releases_purchases FROM claim_statuses ORDER BY code');
    expect(statuses.rows).toEqual(
      CLAIM_STATUS_CODES.map((code) => ({ code, label: CLAIM_STATUSES[code].label, releases_purchases: CLAIM_STATUSES[code].releasesPurchases })).sort((a, b) =>
        a.code.localeCompare(b.code),
      ),
    );
    const transitions = await db.pool.query('SELECT from_status AS "from", to_status AS "to", actor FROM claim_status_transitions');
    const key = (t: { from: string; to: string }) => `${t.from}>${t.to}`;
    expect([...transitions.rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...CLAIM_TRANSITIONS].sort((a, b) => key(a).localeCompare(key(b))));
  });

  /** A claim written straight into the table in any status (INSERT is not a transition). */
  async function claimIn(status: ClaimStatus): Promise<string> {
    const batch =
      status === 'inoltrata'
        ? (
            await db.pool.query(
              `INSERT INTO claim_payment_batches (region_structure_id, message_id, debtor_name, debtor_iban, execution_date, claim_count, control_sum_cents, xml, created_by, created_at)
               VALUES ($1, $2, 'Regione', 'IT60X0542811101000000123456', '2027-05-10', 1, 100, '<x/>', $1, now()) RETURNING id`,
              [randomUUID(), randomUUID().slice(0, 30)],
            )
          ).rows[0].id
        : null;
    const { rows } = await db.pool.query(
      `INSERT INTO claims (merchant_structure_id, region_structure_id, period_year, period_index, status, amount_cents, purchase_count,
                           transactions_from, transactions_to, iban, email, rejection_reason, payment_batch_id, created_by, created_at, status_changed_at)
       VALUES ($1, $2, 2027, 1, $3, 100, 1, '2027-01-10', '2027-03-10', 'IT60X0542811101000000123456', 'a@example.it', $4, $5, $1, now(), now()) RETURNING id`,
      [randomUUID(), randomUUID(), status, status === 'rifiutata' ? 'motivo' : null, batch],
    );
    return rows[0].id;
  }

  /** Tries the UPDATE in a transaction rolled back at once; returns the error message, or null when it passed. */
  async function tryMove(id: string, to: ClaimStatus): Promise<string | null> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const batch = to === 'inoltrata' ? (await client.query('SELECT id FROM claim_payment_batches LIMIT 1')).rows[0]?.id : null;
      await client.query(
        `UPDATE claims SET status = $2,
                rejection_reason = CASE WHEN $2 = 'rifiutata' THEN 'motivo' ELSE NULL END,
                payment_batch_id = $3
          WHERE id = $1`,
        [id, to, batch],
      );
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  it('refuses by trigger every UPDATE of status the table does not allow, and lets the allowed ones through', async () => {
    await claimIn('inoltrata'); // a batch for the moves to 'inoltrata'
    for (const from of CLAIM_STATUS_CODES) {
      const id = await claimIn(from);
      for (const to of CLAIM_STATUS_CODES) {
        if (to === from) continue;
        const error = await tryMove(id, to);
        if (allowed(from, to)) expect(error, `${from}→${to}`).toBeNull();
        else expect(error, `${from}→${to}`).toMatch(/cannot go from/);
      }
    }
  });
});
