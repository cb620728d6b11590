import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock/clock.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { seedCoreDemo } from '../../demo/seed.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { placeholdersIn } from './canned/placeholders.js';
import { type HelpdeskDemoOptions, seedHelpdeskDemo } from './demo-data.js';

// Early in the morning, Rome time: the demo's "today" requests must not lie in the future.
const clock = new ManualClock(new Date('2026-12-03T06:10:00Z'));
let database: TestDatabase;
let options: HelpdeskDemoOptions;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCoreDemo(database.kysely);
  const q = async (text: string, values: unknown[]) => (await database.pool.query(text, values)).rows[0].id as string;
  const org = async (name: string) => ({ id: await q('SELECT id FROM organisations WHERE name = $1', [name]), name });
  const person = async (key: keyof typeof DEMO_PEOPLE) => ({ ...DEMO_PEOPLE[key], userId: await q('SELECT id FROM users WHERE fiscal_code = $1', [DEMO_PEOPLE[key].fiscalCode]) });
  options = {
    clock,
    agencies: { napoli: await org('ASL Napoli 1 Centro'), caserta: await org('ASL Caserta') },
    region: await org('Regione Campania'),
    people: {
      agencyOperator: await person('agencyOperator'),
      agencySupervisor: await person('agencySupervisor'),
      secondAgencyOperator: await person('secondAgencyOperator'),
      regionalDeskOperator: await person('regionalDeskOperator'),
      citizen: await person('citizen'),
    },
  };
  expect(await database.kysely.transaction().execute((trx) => seedHelpdeskDemo(trx, options))).toBe(true);
});
afterAll(() => database?.drop());

const rows = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];

describe('the help desk’s demo data', () => {
  it('is written once', async () => {
    const before = await rows<{ n: number }>('SELECT count(*)::int AS n FROM helpdesk_requests');
    expect(await database.kysely.transaction().execute((trx) => seedHelpdeskDemo(trx, options))).toBe(false);
    expect(await rows('SELECT count(*)::int AS n FROM helpdesk_requests')).toEqual(before);
    expect(await rows('SELECT count(*)::int AS n FROM helpdesk_canned_replies')).toEqual([{ n: 8 }]);
  });

  it('has requests in every status, in both agencies and at the regional desk, filed signed in and not', async () => {
    const { napoli, caserta } = options.agencies;
    const byQueue = await rows<{ queue: string; status: string; n: number }>(
      'SELECT queue_structure_id AS queue, status, count(*)::int AS n FROM helpdesk_requests GROUP BY 1, 2',
    );
    const statuses = new Set(byQueue.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['chiuso', 'in_attesa_utente', 'in_lavorazione', 'non_di_competenza', 'nuova', 'risolto']);
    expect(byQueue.filter((r) => r.queue === options.region.id).map((r) => r.status).sort()).toEqual(['non_di_competenza', 'risolto']);
    expect(byQueue.some((r) => r.queue === napoli.id && r.status === 'in_lavorazione')).toBe(true);
    expect(byQueue.some((r) => r.queue === caserta.id && r.status === 'nuova')).toBe(true);
    const filers = await rows<{ signed: boolean; n: number }>('SELECT citizen_user_id IS NOT NULL AS signed, count(*)::int AS n FROM helpdesk_requests GROUP BY 1 ORDER BY 1');
    expect(filers.every((f) => f.n >= 3)).toBe(true);
    const now = clock.now();
    expect(await rows('SELECT id FROM helpdesk_requests WHERE created_at > $1 OR status_changed_at > $1', [now])).toEqual([]);
  });

  it('keeps each request consistent with its history and notes, and sends nothing', async () => {
    const requests = await rows<{ id: string; status: string; queue_structure_id: string; agency_structure_id: string; resolved_at: Date | null; first_answer_at: Date | null }>(
      'SELECT id, status, queue_structure_id, agency_structure_id, resolved_at, first_answer_at FROM helpdesk_requests',
    );
    for (const r of requests) {
      const history = await rows<{ change: string; to_value: string }>('SELECT change, to_value FROM helpdesk_history WHERE request_id = $1 ORDER BY occurred_at, id', [r.id]);
      expect(history[0]).toEqual({ change: 'created', to_value: 'nuova' });
      expect(history.filter((h) => h.change !== 'assignee' && h.change !== 'queue').at(-1)!.to_value).toBe(r.status);
      expect(history.filter((h) => h.change === 'queue').at(-1)?.to_value ?? r.agency_structure_id).toBe(r.queue_structure_id);
      if (r.status === 'risolto' || r.status === 'chiuso') expect(r.resolved_at).not.toBeNull();
      if (r.status === 'non_di_competenza') {
        const notes = await rows<{ audience: string }>('SELECT audience FROM helpdesk_notes WHERE request_id = $1', [r.id]);
        expect(notes.map((n) => n.audience)).toContain('regional_desk');
      }
    }
    expect(await rows("SELECT count(*)::int AS n FROM helpdesk_notes WHERE audience = 'internal'")).not.toEqual([{ n: 0 }]);
    expect(await rows('SELECT id FROM outbox_messages')).toEqual([]);
  });

  it('offers the canned replies of seed 004 §2.7–2.12 with their placeholders', async () => {
    const replies = await rows<{ title: string; body: string; suggested_status: string | null; audience: string; structure_id: string | null }>(
      'SELECT title, body, suggested_status, audience, structure_id FROM helpdesk_canned_replies ORDER BY title',
    );
    expect(replies.every((r) => r.structure_id === null)).toBe(true);
    expect(replies.map((r) => r.title.split(' ')[0])).toEqual(['2.10', '2.11', '2.11', '2.12', '2.7', '2.8', '2.8', '2.9']);
    const produced = replies.find((r) => r.body.startsWith('Il referto è stato prodotto in data {{data}}'))!;
    expect(produced).toMatchObject({ suggested_status: 'non_di_competenza', audience: 'regional_desk' });
    expect(placeholdersIn(produced.body)).toEqual(['data', 'identificativo']);
    expect(replies.some((r) => placeholdersIn(r.body).includes('iuv'))).toBe(true);
  });
});
