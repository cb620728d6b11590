import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../core/audit/audit.js';
import { enqueueNotification } from '../../../core/notifications/outbox.js';
import { operatorsWithService } from '../../../core/organisations/index.js';
import { RuleViolation } from '../../../platform/http/errors.js';
import { HELPDESK_SERVICE, type HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { history, lockRequest, moveRequest, type RequestActor } from '../request-thread.js';
import { deskRequestPath } from '../thread-link.js';
import type { Desk } from './desk-access.js';

/**
 * "OPERATORE" + "Aggiorna" (seed 004 §2.3): gives a request of the queue to another operator of
 * the same structure (or to nobody). The assignee is told in the app; a request still "nuova"
 * moves to "in lavorazione", since someone has now taken it in charge.
 */
export async function assignRequest(deps: HelpdeskDeps, desk: Desk, requestId: string, assigneeId: string | null, actor: RequestActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const request = await lockRequest(trx, requestId, desk.structure.id);
    if (assigneeId !== null) {
      const operators = await operatorsWithService(trx, desk.structure.id, HELPDESK_SERVICE);
      if (!operators.some((o) => o.id === assigneeId)) {
        const message = 'L’operatore scelto non è abilitato a SOL Assistenza in questa struttura.';
        throw new RuleViolation('assignee_not_operator', message, { assigneeId: message });
      }
    }
    if (assigneeId === request.assignee_user_id) return;
    await (trx as Kysely<HelpdeskTables>).updateTable('helpdesk_requests').set({ assignee_user_id: assigneeId }).where('id', '=', request.id).execute();
    await history(trx, deps, request.id, 'assignee', request.assignee_user_id, assigneeId, actor);
    await recordAudit(trx, actor.audit, {
      action: 'helpdesk.request.assign',
      subject: { type: 'helpdesk_request', id: request.id },
      personFiscalCode: request.fiscal_code,
      before: { assignee: request.assignee_user_id },
      after: { assignee: assigneeId },
    });
    if (assigneeId !== null && request.status === 'nuova') await moveRequest(trx, deps, request, 'in_lavorazione', actor);
    // Who takes a request himself needs no bell.
    if (assigneeId !== null && assigneeId !== desk.userId) {
      await enqueueNotification(trx, {
        channel: 'in_app',
        recipient: assigneeId,
        template: 'in-app',
        idempotencyKey: `helpdesk-assign:${request.id}:${randomUUID()}`,
        data: {
          title: `Ti è stata assegnata la richiesta n. ${request.number}`,
          body: `Assegnata da ${desk.userName} (${desk.structure.name}).`,
          link: deskRequestPath(request.id),
        },
      });
    }
  });
}
