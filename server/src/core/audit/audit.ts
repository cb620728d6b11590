import type { AnyDb } from '../../platform/db/database.js';
import type { FastifyRequest } from 'fastify';
import { type Generated, type RawBuilder, sql } from 'kysely';
import type { Principal } from '../identity/principal.js';

export interface AuditTables {
  audit_log: {
    id: Generated<string>;
    occurred_at: Date;
    actor_user_id: string | null;
    actor_name: string | null;
    structure_id: string | null;
    structure_name: string | null;
    action: string;
    subject_type: string;
    subject_id: string | null;
    person_fiscal_code: string | null;
    before: unknown;
    after: unknown;
    ip: string | null;
  };
}

/** Who did it, from where: taken from the request's principal. */
export interface AuditActor {
  userId: string | null;
  name: string | null;
  structureId: string | null;
  structureName: string | null;
  ip: string | null;
}

export interface AuditEntry {
  /** Dotted verb, e.g. "employee.disable", "session.login", "voucher.view". */
  action: string;
  subject: { type: string; id?: string | null };
  /** The person whose record this is, so that "who touched my data" can be answered. */
  personFiscalCode?: string | null;
  before?: unknown;
  after?: unknown;
}

export function actorOf(request: FastifyRequest, principal: Principal | null = request.principal): AuditActor {
  return {
    userId: principal?.user.id ?? null,
    name: principal ? `${principal.user.givenName} ${principal.user.familyName}` : null,
    structureId: principal?.structure?.id ?? null,
    structureName: principal?.structure?.name ?? null,
    ip: request.ip ?? null,
  };
}

/**
 * Appends to the audit log. Pass the transaction of the change being recorded: a change that
 * rolls back leaves no audit row, and no change commits without its row. The time is the
 * database's real time of that transaction — never the demo's simulated date: the log says when
 * things really happened.
 */
export async function recordAudit(anyDb: AnyDb, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await auditStatement(actor, entry, sql`true`).execute(anyDb);
}

/**
 * The same audit row as a statement to embed in the caller's own (a CTE), written only when
 * `onlyIf` holds there — e.g. when the change it records happened in that statement: a hot path
 * records its change and its audit row in one round trip, atomically.
 */
export function auditStatement(actor: AuditActor, entry: AuditEntry, onlyIf: RawBuilder<unknown>): RawBuilder<unknown> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return sql`
    INSERT INTO audit_log (occurred_at, actor_user_id, actor_name, structure_id, structure_name, action, subject_type, subject_id, person_fiscal_code, before, after, ip)
    SELECT now(), ${actor.userId}::uuid, ${actor.name}::text, ${actor.structureId}::uuid, ${actor.structureName}::text, ${entry.action}::text,
           ${entry.subject.type}::text, ${entry.subject.id ?? null}::text, ${entry.personFiscalCode ?? null}::text,
           ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${actor.ip}::text
     WHERE ${onlyIf}`;
}
