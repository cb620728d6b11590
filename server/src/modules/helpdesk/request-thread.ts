import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../../core/audit/audit.js';
import type { Clock } from '../../core/clock/clock.js';
import { enqueueNotification } from '../../core/notifications/outbox.js';
import type { AnyDb } from '../../platform/db/database.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import type { HelpdeskTables, NoteAudience } from './helpdesk.tables.js';
import { canTransition, REQUEST_STATUSES, type RequestActorKind, type RequestStatus } from './request-status.js';
import { myRequestPath, threadPath, threadToken } from './thread-link.js';

export interface RequestActor {
  kind: RequestActorKind;
  /** For the history, the notes and the audit log (the system has no user). */
  audit: AuditActor;
}

export const SYSTEM_ACTOR: RequestActor = {
  kind: 'system',
  audit: { userId: null, name: 'Sistema', structureId: null, structureName: null, ip: null },
};

export interface ThreadDeps {
  clock: Clock;
  publicUrl: string;
  secret: string;
}

export type RequestRow = Awaited<ReturnType<typeof lockRequest>>;

/**
 * Locks a request for a change, only within `queueStructureId` when given (an operator acts on
 * his structure's queue; anything else is "not found", exactly like a missing request).
 */
export async function lockRequest(trx: AnyDb, requestId: string, queueStructureId?: string) {
  const db = trx as Kysely<HelpdeskTables>;
  let query = db.selectFrom('helpdesk_requests').selectAll().where('id', '=', requestId).forUpdate();
  if (queueStructureId) query = query.where('queue_structure_id', '=', queueStructureId);
  const request = await query.executeTakeFirst();
  if (!request) throw new NotFound('Richiesta di assistenza non trovata.');
  return request;
}

/**
 * Moves a locked request to another status: refuses what its actor may not do (the database
 * refuses it too), stamps resolved/closed times, records history and audit. Call in the
 * transaction that locked it (lockRequest).
 */
export async function moveRequest(trx: AnyDb, deps: ThreadDeps, request: RequestRow, to: RequestStatus, actor: RequestActor, extra: { queueStructureId?: string } = {}) {
  const from = request.status as RequestStatus;
  if (!canTransition(from, to, actor.kind)) {
    throw new Conflict(
      'request_transition_refused',
      `La richiesta n. ${request.number} è nello stato «${REQUEST_STATUSES[from].label}»: non può passare a «${REQUEST_STATUSES[to].label}».`,
    );
  }
  const db = trx as Kysely<HelpdeskTables>;
  const now = deps.clock.now();
  await db
    .updateTable('helpdesk_requests')
    .set({
      status: to,
      status_changed_at: now,
      ...(to === 'risolto' ? { resolved_at: now } : {}),
      ...(to === 'chiuso' ? { closed_at: now } : {}),
      ...(from === 'risolto' && to !== 'chiuso' ? { resolved_at: null } : {}),
      ...(extra.queueStructureId ? { queue_structure_id: extra.queueStructureId } : {}),
    })
    .where('id', '=', request.id)
    .execute();
  await history(trx, deps, request.id, 'status', from, to, actor);
  if (extra.queueStructureId && extra.queueStructureId !== request.queue_structure_id) {
    await history(trx, deps, request.id, 'queue', request.queue_structure_id, extra.queueStructureId, actor);
  }
  await recordAudit(trx, actor.audit, {
    action: `helpdesk.status.${to}`,
    subject: { type: 'helpdesk_request', id: request.id },
    personFiscalCode: request.fiscal_code,
    before: { status: from, queue: request.queue_structure_id },
    after: { status: to, queue: extra.queueStructureId ?? request.queue_structure_id },
  });
  request.status = to;
  if (extra.queueStructureId) request.queue_structure_id = extra.queueStructureId;
}

export async function history(
  trx: AnyDb,
  deps: Pick<ThreadDeps, 'clock'>,
  requestId: string,
  change: 'created' | 'status' | 'assignee' | 'queue',
  from: string | null,
  to: string | null,
  actor: RequestActor,
) {
  await (trx as Kysely<HelpdeskTables>)
    .insertInto('helpdesk_history')
    .values({
      request_id: requestId,
      change,
      from_value: from,
      to_value: to,
      actor_kind: actor.kind,
      actor_user_id: actor.audit.userId,
      actor_name: actor.audit.name,
      occurred_at: deps.clock.now(),
    })
    .execute();
}

/**
 * Adds a note to a locked request. A public note of an operator (audience 'citizen') reaches the
 * citizen: in the web app (bell) when he filed signed in, by e-mail with the signed link otherwise
 * (seed 004 §2.4). Private notes ('internal') and the note of a "non di competenza"
 * ('regional_desk') never reach him. Call after moveRequest when both happen, so the e-mail states
 * the new status.
 */
export async function addNote(
  trx: AnyDb,
  deps: ThreadDeps,
  request: RequestRow,
  note: { body: string; audience: NoteAudience; actor: RequestActor; attachmentDocumentId?: string | null },
): Promise<{ id: string }> {
  const db = trx as Kysely<HelpdeskTables>;
  const now = deps.clock.now();
  const authorKind = note.actor.kind === 'citizen' ? 'citizen' : note.actor.kind === 'system' ? 'system' : 'operator';
  const row = await db
    .insertInto('helpdesk_notes')
    .values({
      request_id: request.id,
      author_kind: authorKind,
      author_user_id: note.actor.audit.userId,
      author_name: note.actor.audit.name,
      author_structure_id: authorKind === 'operator' ? note.actor.audit.structureId : null,
      audience: note.audience,
      body: note.body,
      attachment_document_id: note.attachmentDocumentId ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, note.actor.audit, {
    action: `helpdesk.note.${note.audience}`,
    subject: { type: 'helpdesk_request', id: request.id },
    personFiscalCode: request.fiscal_code,
    after: { noteId: row.id, audience: note.audience },
  });

  if (authorKind === 'operator' && note.audience === 'citizen') {
    if (request.first_answer_at === null) {
      await db.updateTable('helpdesk_requests').set({ first_answer_at: now }).where('id', '=', request.id).execute();
      request.first_answer_at = now;
    }
    const status = REQUEST_STATUSES[request.status as RequestStatus].label;
    if (request.citizen_user_id) {
      await enqueueNotification(trx, {
        channel: 'in_app',
        recipient: request.citizen_user_id,
        template: 'in-app',
        idempotencyKey: `helpdesk-note:${row.id}:in-app`,
        data: { title: `Richiesta di assistenza n. ${request.number}: nuovo messaggio`, body: `Stato: ${status}.`, link: myRequestPath(request.id) },
      });
    } else {
      await enqueueNotification(trx, {
        channel: 'email',
        recipient: request.email,
        template: 'helpdesk-public-note',
        idempotencyKey: `helpdesk-note:${row.id}:email`,
        data: {
          name: `${request.given_name} ${request.family_name}`,
          number: request.number,
          status,
          note: note.body,
          link: new URL(threadPath(threadToken(deps.secret, request.id)), deps.publicUrl).toString(),
        },
      });
    }
  }
  return row;
}
