import type { AuditActor } from '../../../core/audit/audit.js';
import { enqueueNotification } from '../../../core/notifications/outbox.js';
import { Conflict, NotFound } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { REQUEST_STATUSES, type RequestStatus } from '../request-status.js';
import { addNote, lockRequest, moveRequest, type RequestActor } from '../request-thread.js';
import { deskRequestPath } from '../thread-link.js';
import { type CitizenAccess, REQUEST_NOT_FOUND, TOKEN_NOT_FOUND } from './citizen-thread.js';

/** Answering wakes these up: the operator was waiting for the citizen, or the citizen disagrees. */
const REOPENED_BY_ANSWER: ReadonlySet<RequestStatus> = new Set(['in_attesa_utente', 'risolto']);

export const REQUEST_CLOSED = 'La richiesta è chiusa: per un nuovo problema invia una nuova richiesta.';

/**
 * The citizen answers in his thread: a public message; a request waiting for him ("in attesa di
 * informazioni da utente") or "risolto" goes back to "in lavorazione"; the assignee, if any, is
 * told in the app. A closed request takes no more answers.
 */
export async function answerRequest(
  deps: HelpdeskDeps,
  input: { requestId: string; access: CitizenAccess; body: string; audit: Omit<AuditActor, 'name'> },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const request = await lockRequest(trx, input.requestId).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound(input.access.kind === 'link' ? TOKEN_NOT_FOUND : REQUEST_NOT_FOUND) : error;
    });
    if (input.access.kind === 'signed-in' && request.citizen_user_id !== input.access.userId) throw new NotFound(REQUEST_NOT_FOUND);
    if (request.status === 'chiuso') throw new Conflict('request_closed', REQUEST_CLOSED);

    const actor: RequestActor = { kind: 'citizen', audit: { ...input.audit, name: `${request.given_name} ${request.family_name}` } };
    const note = await addNote(trx, deps, request, { body: input.body, audience: 'citizen', actor });
    if (REOPENED_BY_ANSWER.has(request.status as RequestStatus)) await moveRequest(trx, deps, request, 'in_lavorazione', actor);

    if (request.assignee_user_id) {
      await enqueueNotification(trx, {
        channel: 'in_app',
        recipient: request.assignee_user_id,
        template: 'in-app',
        idempotencyKey: `helpdesk-note:${note.id}:assignee`,
        data: {
          title: `Richiesta di assistenza n. ${request.number}: risposta del cittadino`,
          body: `Stato: ${REQUEST_STATUSES[request.status as RequestStatus].label}.`,
          link: deskRequestPath(request.id),
        },
      });
    }
  });
}
