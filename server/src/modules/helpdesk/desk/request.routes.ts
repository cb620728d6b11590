import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { structuresByIds } from '../../../core/organisations/index.js';
import { NotFound } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { REQUEST_STATUSES, type RequestStatus } from '../request-status.js';
import { assignRequest } from './assign-request.js';
import { deskOf, deskRoute, operatorActor, regionalDeskActor } from './desk-access.js';
import { assignmentBody, forwardingBody, requestParams, updateBody } from './desk.schemas.js';
import { forwardRequest } from './forward-request.js';
import { findQueueRequest, requestDetail } from './request-detail.js';
import { updateRequest } from './update-request.js';

const { config } = deskRoute;
const tags = [...deskRoute.tags];

/** A request of the queue: detail, attachment, assignment, note and status, forwarding. */
export function requestRoutes(deps: HelpdeskDeps) {
  /** What answers a change after which the caller no longer holds the request. */
  const leftQueue = async (requestId: string, queueStructureId: string) => {
    const [row, queues] = await Promise.all([
      (deps.db as Kysely<HelpdeskTables>).selectFrom('helpdesk_requests').select(['number', 'status']).where('id', '=', requestId).executeTakeFirstOrThrow(),
      structuresByIds(deps.db, [queueStructureId]),
    ]);
    return { id: requestId, number: row.number, status: row.status, statusLabel: REQUEST_STATUSES[row.status as RequestStatus].label, leftQueue: true, queue: { id: queueStructureId, name: queues.get(queueStructureId)?.name ?? '' } };
  };

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/assistenza/desk/requests/:requestId', { config, schema: { tags, summary: 'Dettaglio di una richiesta di assistenza', params: requestParams } }, async (request) => {
      const desk = deskOf(request);
      const detail = await requestDetail(deps.db, deps.documents, desk, request.params.requestId);
      await recordAudit(deps.db, actorOf(request), {
        action: 'helpdesk.request.view',
        subject: { type: 'helpdesk_request', id: detail.id },
        personFiscalCode: detail.citizen.fiscalCode,
      });
      return detail;
    });

    app.get(
      '/api/assistenza/desk/requests/:requestId/attachment',
      { config, schema: { tags, summary: 'Allegato del cittadino', params: requestParams } },
      async (request, reply) => {
        const desk = deskOf(request);
        const row = await findQueueRequest(deps.db, desk.structure.id, request.params.requestId);
        if (!row.attachment_document_id) throw new NotFound('La richiesta non ha allegati.');
        // Authorised here: the file belongs to the request, the request to this queue.
        return deps.documents.sendAuthorised(request, row.attachment_document_id, reply, { personFiscalCode: row.fiscal_code });
      },
    );

    app.post(
      '/api/assistenza/desk/requests/:requestId/assignment',
      { config, schema: { tags, summary: 'Assegna la richiesta a un operatore della struttura (OPERATORE + Aggiorna)', params: requestParams, body: assignmentBody } },
      async (request) => {
        const desk = deskOf(request);
        await assignRequest(deps, desk, request.params.requestId, request.body.assigneeId, operatorActor(request));
        return requestDetail(deps.db, deps.documents, desk, request.params.requestId);
      },
    );

    app.post(
      '/api/assistenza/desk/requests/:requestId/updates',
      { config, schema: { tags, summary: 'Aggiorna: nota (pubblica o privata) e/o nuovo stato', params: requestParams, body: updateBody } },
      async (request) => {
        const desk = deskOf(request);
        const outcome = await updateRequest(deps, desk, request.params.requestId, request.body, operatorActor(request));
        if (outcome.leftQueue) return leftQueue(request.params.requestId, outcome.queueStructureId);
        return requestDetail(deps.db, deps.documents, desk, request.params.requestId);
      },
    );

    app.post(
      '/api/assistenza/desk/requests/:requestId/forwarding',
      { config, schema: { tags, summary: 'Assistenza regionale: invia la richiesta a un’altra azienda sanitaria', params: requestParams, body: forwardingBody } },
      async (request) => {
        const desk = deskOf(request);
        const agency = await forwardRequest(deps, desk, request.params.requestId, request.body, regionalDeskActor(request));
        return leftQueue(request.params.requestId, agency.id);
      },
    );
  };
}
