/**
 * Tests of the back office: the demo structures and operators, requests written straight into
 * the table (the citizen's routes are another file's), clients signed in with username + password
 * + PIN and a structure chosen, as operators do.
 */
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PIN } from '../../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../../shared/fiscal-code.js';
import { HttpClient } from '../../../../test/http-client.js';
import type { TestApp } from '../../../../test/test-app.js';
import type { RequestStatus } from '../request-status.js';

export interface DeskWorld {
  napoli: string;
  caserta: string;
  region: string;
  users: { paolo: string; sara: string; giorgia: string; stefano: string; giovanni: string; maria: string };
}

export async function deskWorld(t: TestApp): Promise<DeskWorld> {
  const db = t.database.pool;
  const org = async (name: string) => (await db.query('SELECT id FROM organisations WHERE name = $1', [name])).rows[0].id as string;
  const user = async (p: { fiscalCode: string }) => (await db.query('SELECT id FROM users WHERE fiscal_code = $1', [p.fiscalCode])).rows[0].id as string;
  return {
    napoli: await org('ASL Napoli 1 Centro'),
    caserta: await org('ASL Caserta'),
    region: await org('Regione Campania'),
    users: {
      paolo: await user(DEMO_PEOPLE.agencyOperator),
      sara: await user(DEMO_PEOPLE.agencySupervisor),
      giorgia: await user(DEMO_PEOPLE.secondAgencyOperator),
      stefano: await user(DEMO_PEOPLE.regionalDeskOperator),
      giovanni: await user(DEMO_PEOPLE.citizen),
      maria: await user(DEMO_PEOPLE.agencyOwner),
    },
  };
}

/** An operator signed in with username, password and PIN, in the structure named. */
export async function operator(t: TestApp, username: string, structure: string): Promise<HttpClient> {
  const client = new HttpClient(t.baseUrl);
  const login = await client.signInWithPassword(username, DEMO_PASSWORD, DEMO_PIN);
  if (login.status !== 200) throw new Error(`cannot sign in ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  await client.selectStructure(structure);
  return client;
}

/** Someone signed in with SPID in the structure named (e.g. the agency's owner). */
export async function spidIn(t: TestApp, fiscalCode: string, structure: string): Promise<HttpClient> {
  const client = new HttpClient(t.baseUrl);
  await client.signInWithSpid(fiscalCode);
  await client.selectStructure(structure);
  return client;
}

let serial = 100;

/** A valid codice fiscale, different for each n. */
export function testFiscalCode(n: number): string {
  const first15 = `RSSMRA80A01F${String(n % 1000).padStart(3, '0')}`;
  return first15 + fiscalCodeCheckCharacter(first15);
}

export interface SeededRequest {
  agencyId: string;
  /** Who holds it; the agency by default. */
  queueId?: string;
  status?: RequestStatus;
  createdAt: string;
  category?: string;
  service?: string;
  givenName?: string;
  familyName?: string;
  fiscalCode?: string;
  email?: string;
  description?: string;
  citizenUserId?: string | null;
  assigneeId?: string | null;
  resolvedAt?: string | null;
  firstAnswerAt?: string | null;
}

export async function insertRequest(t: TestApp, r: SeededRequest): Promise<{ id: string; number: number }> {
  const n = serial++;
  const { rows } = await t.database.pool.query(
    `INSERT INTO helpdesk_requests (service_code, role_code, category_code, given_name, family_name, fiscal_code, email, phone, description,
                                    agency_structure_id, queue_structure_id, citizen_user_id, status, assignee_user_id, created_at, status_changed_at,
                                    resolved_at, first_answer_at)
     VALUES ($1, 'cittadino', $2, $3, $4, $5, $6, '3331234567', $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) RETURNING id, number`,
    [
      r.service ?? 'ritiro-referti',
      r.category ?? 'referto-non-trovato',
      r.givenName ?? 'Anna',
      r.familyName ?? `Cittadina${n}`,
      r.fiscalCode ?? testFiscalCode(n),
      r.email ?? `cittadino${n}@example.it`,
      r.description ?? 'Non trovo il referto della visita.',
      r.agencyId,
      r.queueId ?? r.agencyId,
      r.citizenUserId ?? null,
      r.status ?? 'nuova',
      r.assigneeId ?? null,
      r.createdAt,
      r.resolvedAt ?? null,
      r.firstAnswerAt ?? null,
    ],
  );
  await t.database.pool.query(
    `INSERT INTO helpdesk_history (request_id, change, to_value, actor_kind, actor_name, occurred_at) VALUES ($1, 'created', 'nuova', 'citizen', 'Cittadino', $2)`,
    [rows[0].id, r.createdAt],
  );
  return rows[0];
}

export interface OutboxRow {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  data: Record<string, unknown>;
}

/** The outbox as it is now: pass it to `outboxSince` to see what a call enqueued. */
export async function outboxMark(t: TestApp): Promise<Set<string>> {
  const { rows } = await t.database.pool.query('SELECT id FROM outbox_messages');
  return new Set(rows.map((r) => r.id as string));
}

export async function outboxSince(t: TestApp, mark: Set<string>): Promise<OutboxRow[]> {
  const { rows } = await t.database.pool.query('SELECT id, channel, recipient, template, data FROM outbox_messages ORDER BY created_at, id');
  return (rows as OutboxRow[]).filter((r) => !mark.has(r.id));
}
