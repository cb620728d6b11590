import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock/clock.js';
import { seedCoreDemo } from '../../../demo/seed.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { closeResolved } from './close-resolved.js';

let database: TestDatabase;
let agency: string;
const clock = new ManualClock(new Date('2026-12-10T10:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCoreDemo(database.kysely);
  agency = (await database.pool.query("SELECT id FROM organisations WHERE name = 'ASL Napoli 1 Centro'")).rows[0].id;
});
afterAll(() => database?.drop());

const deps = () => ({ db: database.kysely, clock, closeAfterDays: 7, publicUrl: 'http://localhost', secret: 'x'.repeat(32) }) as unknown as HelpdeskDeps;

let n = 0;
async function resolved(resolvedAt: string, status = 'risolto') {
  const cf = `RSSMRA80A01F${String(n++).padStart(3, '0')}X`;
  const { rows } = await database.pool.query(
    `INSERT INTO helpdesk_requests (service_code, role_code, category_code, given_name, family_name, fiscal_code, email, phone, description,
                                    agency_structure_id, queue_structure_id, status, created_at, status_changed_at, resolved_at)
     VALUES ('ritiro-referti', 'cittadino', 'altro', 'Anna', 'Neri', $1, 'anna@example.it', '3331234567', 'Richiesta.', $2, $2, $3, '2026-11-01T08:00:00Z', $4, $4)
     RETURNING id`,
    [cf, agency, status, resolvedAt],
  );
  return rows[0].id as string;
}
const statusOf = async (id: string) => (await database.pool.query('SELECT status, closed_at FROM helpdesk_requests WHERE id = $1', [id])).rows[0];

describe('closeResolved', () => {
  it('closes "risolto" requests only once closeAfterDays have passed, as the system, once each even when run twice at a time', async () => {
    const old = await Promise.all(Array.from({ length: 130 }, () => resolved('2026-12-02T09:00:00Z')));
    const recent = await resolved('2026-12-04T09:00:00Z');
    const reopened = await resolved('2026-11-20T09:00:00Z', 'in_lavorazione');
    const [a, b] = await Promise.all([closeResolved(deps()), closeResolved(deps())]);
    expect(a + b).toBe(130);
    expect(await statusOf(old[0]!)).toEqual({ status: 'chiuso', closed_at: new Date('2026-12-10T10:00:00Z') });
    expect((await statusOf(recent)).status).toBe('risolto');
    expect((await statusOf(reopened)).status).toBe('in_lavorazione');
    const history = await database.pool.query("SELECT from_value, to_value, actor_kind, actor_name FROM helpdesk_history WHERE request_id = $1", [old[5]]);
    expect(history.rows).toEqual([{ from_value: 'risolto', to_value: 'chiuso', actor_kind: 'system', actor_name: 'Sistema' }]);
    expect(await closeResolved(deps())).toBe(0);
    // Seven days after its resolution the recent one closes too.
    clock.set(new Date('2026-12-11T09:00:00Z'));
    expect(await closeResolved(deps())).toBe(1);
    expect((await statusOf(recent)).status).toBe('chiuso');
  });
});
