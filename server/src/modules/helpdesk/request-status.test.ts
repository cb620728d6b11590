import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { canTransition, operatorTargets, REQUEST_STATUS_CODES, REQUEST_STATUSES, REQUEST_TRANSITIONS, type RequestActorKind, type RequestStatus } from './request-status.js';

const ACTORS: RequestActorKind[] = ['operator', 'citizen', 'system', 'regional_desk'];
const listed = (from: RequestStatus, to: RequestStatus, actor: RequestActorKind) => REQUEST_TRANSITIONS.some((t) => t.from === from && t.to === to && t.actor === actor);

describe('help-desk request statuses (pure)', () => {
  it('allows each listed transition to its actor', () => {
    for (const t of REQUEST_TRANSITIONS) expect(canTransition(t.from, t.to, t.actor), `${t.from}→${t.to} by ${t.actor}`).toBe(true);
  });

  it('refuses every other move, for every actor', () => {
    let refused = 0;
    for (const from of REQUEST_STATUS_CODES) {
      for (const to of REQUEST_STATUS_CODES) {
        for (const actor of ACTORS) {
          if (listed(from, to, actor)) continue;
          expect(canTransition(from, to, actor), `${from}→${to} by ${actor}`).toBe(false);
          refused++;
        }
      }
    }
    expect(refused).toBe(REQUEST_STATUS_CODES.length ** 2 * ACTORS.length - REQUEST_TRANSITIONS.length);
  });

  it('lets only the system close, and nothing leave "chiuso"', () => {
    expect(REQUEST_TRANSITIONS.filter((t) => t.to === 'chiuso')).toEqual([{ from: 'risolto', to: 'chiuso', actor: 'system' }]);
    expect(REQUEST_TRANSITIONS.filter((t) => t.from === 'chiuso')).toEqual([]);
    for (const from of REQUEST_STATUS_CODES) expect(operatorTargets(from)).not.toContain('chiuso');
  });

  it("lets the citizen's answer only bring a request back to work", () => {
    expect(REQUEST_TRANSITIONS.filter((t) => t.actor === 'citizen').map((t) => `${t.from}→${t.to}`)).toEqual(['in_attesa_utente→in_lavorazione', 'risolto→in_lavorazione']);
  });

  it('offers operators the statuses of the seed', () => {
    expect(operatorTargets('nuova')).toEqual(['in_lavorazione', 'in_attesa_utente', 'risolto', 'non_di_competenza']);
    expect(operatorTargets('risolto')).toEqual([]);
    expect(operatorTargets('non_di_competenza')).toEqual(['in_lavorazione', 'in_attesa_utente', 'risolto']);
  });
});

describe('help-desk request statuses in the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('holds the same statuses and transitions as request-status.ts', async () => {
    const statuses = await db.pool.query('SELECT code, label, open FROM helpdesk_statuses ORDER BY code');
    expect(statuses.rows).toEqual(
      REQUEST_STATUS_CODES.map((code) => ({ code, label: REQUEST_STATUSES[code].label, open: REQUEST_STATUSES[code].open })).sort((a, b) => a.code.localeCompare(b.code)),
    );
    const transitions = await db.pool.query('SELECT from_status AS "from", to_status AS "to", actor FROM helpdesk_status_transitions');
    const key = (t: { from: string; to: string; actor: string }) => `${t.from}→${t.to}:${t.actor}`;
    expect(transitions.rows.map(key).sort()).toEqual(REQUEST_TRANSITIONS.map(key).sort());
  });

  it('refuses by trigger an UPDATE no transition allows, and lets an allowed one through', async () => {
    const { rows } = await db.pool.query(
      `INSERT INTO helpdesk_requests (service_code, role_code, category_code, given_name, family_name, fiscal_code, email, phone, description,
         agency_structure_id, queue_structure_id, created_at, status_changed_at)
       VALUES ('ritiro-referti', 'cittadino', 'altro', 'Mario', 'Rossi', 'RSSMRA80A01H501U', 'mario@example.it', '3331234567', 'Prova',
         gen_random_uuid(), gen_random_uuid(), now(), now()) RETURNING id`,
    );
    const id = rows[0].id as string;
    const move = (to: string) => db.pool.query('UPDATE helpdesk_requests SET status = $2 WHERE id = $1', [id, to]);
    await expect(move('chiuso')).rejects.toThrow(/cannot go from nuova to chiuso/);
    await expect(move('bozza')).rejects.toThrow(); // not a status at all
    await move('risolto');
    await expect(move('nuova')).rejects.toThrow(/cannot go from risolto to nuova/);
    await move('chiuso');
    for (const to of REQUEST_STATUS_CODES.filter((s) => s !== 'chiuso')) {
      await expect(move(to), `chiuso→${to}`).rejects.toThrow(/cannot go from chiuso/);
    }
    const after = await db.pool.query('SELECT status FROM helpdesk_requests WHERE id = $1', [id]);
    expect(after.rows[0].status).toBe('chiuso');
  });
});
