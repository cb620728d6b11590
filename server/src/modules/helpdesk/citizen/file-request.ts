import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditActor } from '../../../core/audit/audit.js';
import { recordAudit } from '../../../core/audit/audit.js';
import { enqueueNotification } from '../../../core/notifications/outbox.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { history, type RequestActor } from '../request-thread.js';
import { myRequestPath, threadPath, threadToken } from '../thread-link.js';
import type { RequestForm } from './request-form.schema.js';

export interface FiledRequest {
  id: string;
  number: number;
  /** The web page where the citizen follows it. */
  link: string;
}

export interface NewRequest {
  form: RequestForm;
  attachmentDocumentId: string | null;
  /** The signed-in person filing it (SPID/CIE): he follows it in the web app. Null: by e-mail. */
  citizenUserId: string | null;
  audit: AuditActor;
}

/** Where the citizen follows his request: his page when signed in, the signed link otherwise. */
export function followPath(deps: Pick<HelpdeskDeps, 'secret'>, requestId: string, signedIn: boolean): string {
  return signedIn ? myRequestPath(requestId) : threadPath(threadToken(deps.secret, requestId));
}

/**
 * "INVIA": files the request in the chosen agency's queue (status "nuova"), with its history and
 * audit rows and the e-mail giving the citizen its number and link — all in one transaction.
 */
export async function fileRequest(deps: HelpdeskDeps, input: NewRequest): Promise<FiledRequest> {
  const { form } = input;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const db = trx as Kysely<HelpdeskTables>;
    const row = await db
      .insertInto('helpdesk_requests')
      .values({
        service_code: form.serviceCode,
        role_code: form.roleCode,
        category_code: form.categoryCode,
        given_name: form.givenName,
        family_name: form.familyName,
        fiscal_code: form.fiscalCode,
        email: form.email,
        phone: form.phone,
        description: form.description,
        attachment_document_id: input.attachmentDocumentId,
        agency_structure_id: form.agencyId,
        queue_structure_id: form.agencyId,
        citizen_user_id: input.citizenUserId,
        status: 'nuova',
        created_at: now,
        status_changed_at: now,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const actor: RequestActor = { kind: 'citizen', audit: input.audit };
    await history(trx, deps, row.id, 'created', null, 'nuova', actor);
    await recordAudit(trx, input.audit, {
      action: 'helpdesk.request.create',
      subject: { type: 'helpdesk_request', id: row.id },
      personFiscalCode: form.fiscalCode,
      after: { number: row.number, service: form.serviceCode, category: form.categoryCode, agency: form.agencyId, attachment: input.attachmentDocumentId, signedIn: input.citizenUserId !== null },
    });
    const link = followPath(deps, row.id, input.citizenUserId !== null);
    const service = await db.selectFrom('helpdesk_services').select('label').where('code', '=', form.serviceCode).executeTakeFirstOrThrow();
    await enqueueNotification(trx, {
      channel: 'email',
      recipient: form.email,
      template: 'helpdesk-request-received',
      idempotencyKey: `helpdesk-request:${row.id}:received`,
      data: { name: `${form.givenName} ${form.familyName}`, number: row.number, service: service.label, link: new URL(link, deps.publicUrl).toString() },
    });
    return { id: row.id, number: row.number, link };
  });
}

/**
 * The answer to a bot that filled the honeypot: the shape of a real filing (a fresh id, a plausible
 * number, a link leading nowhere) with nothing stored and nothing sent, so it learns nothing.
 */
export async function decoyFiling(deps: HelpdeskDeps, signedIn: boolean): Promise<FiledRequest> {
  const id = randomUUID();
  const { last } = await (deps.db as Kysely<HelpdeskTables>)
    .selectFrom('helpdesk_requests')
    .select(sql<number>`coalesce(max(number), 0)`.as('last'))
    .executeTakeFirstOrThrow();
  return { id, number: Number(last) + 1, link: followPath(deps, id, signedIn) };
}
