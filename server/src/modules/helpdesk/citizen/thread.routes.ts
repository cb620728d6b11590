import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../../core/identity/access.js';
import { NotFound } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { requestOfToken } from '../thread-link.js';
import { countAnswer } from './abuse-limits.js';
import { answerRequest } from './answer-request.js';
import { type CitizenAccess, findCitizenRequest, loadCitizenThread, TOKEN_NOT_FOUND } from './citizen-thread.js';
import { pageQuery, requestParams, tags, tokenQuery, tokenSchema } from './citizen.schemas.js';
import { listMyRequests } from './my-requests.js';
import { answerBody } from './request-form.schema.js';

/** The request id of a signed link, or 404 exactly like a missing request. */
function linkAccess(deps: HelpdeskDeps, token: string): { requestId: string; access: CitizenAccess } {
  const requestId = requestOfToken(deps.secret, token);
  if (!requestId) throw new NotFound(TOKEN_NOT_FOUND);
  return { requestId, access: { kind: 'link', token } };
}

const signedIn = (request: FastifyRequest): CitizenAccess => ({ kind: 'signed-in', userId: principalOf(request).user.id });

async function sendAttachment(deps: HelpdeskDeps, request: FastifyRequest, reply: FastifyReply, requestId: string, access: CitizenAccess) {
  const row = await findCitizenRequest(deps.db, requestId, access);
  if (!row.attachment_document_id) throw new NotFound('La richiesta non ha allegati.');
  return deps.documents.sendAuthorised(request, row.attachment_document_id, reply, { personFiscalCode: row.fiscal_code });
}

/**
 * The citizen's thread: signed in (his own requests, access 'user') or through the signed link
 * e-mailed to him (access 'public', the token is the key). Another citizen's request answers 404.
 */
export function threadRoutes(deps: HelpdeskDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const user = { access: 'user' as const };
    const open = { access: 'public' as const };

    app.get('/api/assistenza/my-requests', { config: user, schema: { tags, summary: 'Le mie richieste di assistenza', querystring: pageQuery } }, async (request) =>
      listMyRequests(deps.db, principalOf(request).user.id, request.query.page, request.query.pageSize),
    );

    app.get('/api/assistenza/my-requests/:requestId', { config: user, schema: { tags, summary: 'Una mia richiesta e i suoi messaggi', params: requestParams } }, async (request) =>
      loadCitizenThread(deps, request.params.requestId, signedIn(request)),
    );

    app.post(
      '/api/assistenza/my-requests/:requestId/answers',
      { config: user, schema: { tags, summary: 'Rispondi a una mia richiesta', params: requestParams, body: answerBody } },
      async (request) => {
        const access = signedIn(request);
        const principal = principalOf(request);
        await answerRequest(deps, {
          requestId: request.params.requestId,
          access,
          body: request.body.body,
          audit: { userId: principal.user.id, structureId: null, structureName: null, ip: request.ip },
        });
        return loadCitizenThread(deps, request.params.requestId, access);
      },
    );

    app.get(
      '/api/assistenza/my-requests/:requestId/attachment',
      { config: user, schema: { tags, summary: "L'allegato di una mia richiesta", params: requestParams } },
      async (request, reply) => sendAttachment(deps, request, reply, request.params.requestId, signedIn(request)),
    );

    app.get('/api/assistenza/thread', { config: open, schema: { tags, summary: 'La richiesta dal collegamento ricevuto per e-mail', querystring: tokenQuery } }, async (request) => {
      const { requestId, access } = linkAccess(deps, request.query.token);
      return loadCitizenThread(deps, requestId, access);
    });

    app.post(
      '/api/assistenza/thread/answers',
      { config: open, schema: { tags, summary: 'Rispondi dal collegamento ricevuto per e-mail', body: answerBody.extend({ token: tokenSchema }) } },
      async (request) => {
        const { requestId, access } = linkAccess(deps, request.body.token);
        await countAnswer(deps, request.ip);
        await answerRequest(deps, { requestId, access, body: request.body.body, audit: { userId: null, structureId: null, structureName: null, ip: request.ip } });
        return loadCitizenThread(deps, requestId, access);
      },
    );

    app.get(
      '/api/assistenza/thread/attachment',
      { config: open, schema: { tags, summary: "L'allegato della richiesta dal collegamento ricevuto per e-mail", querystring: tokenQuery } },
      async (request, reply) => {
        const { requestId, access } = linkAccess(deps, request.query.token);
        return sendAttachment(deps, request, reply, requestId, access);
      },
    );
  };
}
