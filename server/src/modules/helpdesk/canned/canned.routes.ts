import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { Forbidden, NotFound, RuleViolation } from '../../../platform/http/errors.js';
import { deskOf, deskRoute, supervisionRoute } from '../desk/desk-access.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { findReply, repliesFor, toManagedReply, toReply } from './canned.repository.js';
import { cannedBody, cannedParams, type CannedInput } from './canned.schemas.js';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders.js';

/** Rules of a reply beyond its types: only our placeholders; a note for the regional desk is a "non di competenza" one. */
function checkReply(input: CannedInput) {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length > 0) {
    const message = `Campi non riconosciuti: ${unknown.map((n) => `{{${n}}}`).join(', ')}. Usa ${PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}.`;
    throw new RuleViolation('placeholder_unknown', message, { body: message });
  }
  if (input.audience === 'regional_desk' && input.suggestedStatus !== 'non_di_competenza') {
    const message = 'Una risposta per l’assistenza regionale accompagna lo stato «Non di competenza».';
    throw new RuleViolation('audience_needs_status', message, { suggestedStatus: message });
  }
}

/** Canned replies (seed 004 §2.7–2.12): operators use them; supervisors manage their structure's. */
export function cannedRoutes(deps: HelpdeskDeps) {

  /** A reply of the supervisor's structure; a global one is read-only, another structure's is "not found". */
  const ownReply = async (request: FastifyRequest, id: string) => {
    const desk = deskOf(request);
    const row = await findReply(deps.db, id);
    if (!row || (row.structure_id !== null && row.structure_id !== desk.structure.id)) throw new NotFound('Risposta predefinita non trovata.');
    if (row.structure_id === null) throw new Forbidden('canned_reply_global', 'Le risposte predefinite comuni a tutte le strutture non si modificano.');
    return { desk, row };
  };

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/assistenza/canned-replies',
      { config: deskRoute.config, schema: { tags: [...deskRoute.tags], summary: 'Risposte predefinite utilizzabili nella struttura' } },
      async (request) => {
        const desk = deskOf(request);
        return (await repliesFor(deps.db, desk.structure.id, { activeOnly: true })).map(toReply);
      },
    );

    const { config } = supervisionRoute;
    const tags = [...supervisionRoute.tags];

    app.get('/api/assistenza/supervision/canned-replies', { config, schema: { tags, summary: 'Risposte predefinite della struttura (anche disattivate) e comuni' } }, async (request) => {
      const desk = deskOf(request);
      return (await repliesFor(deps.db, desk.structure.id, { activeOnly: false })).map(toManagedReply);
    });

    app.post('/api/assistenza/supervision/canned-replies', { config, schema: { tags, summary: 'Nuova risposta predefinita', body: cannedBody } }, async (request, reply) => {
      const desk = deskOf(request);
      checkReply(request.body);
      const { title, body, suggestedStatus, audience, active } = request.body;
      const row = await deps.db.transaction().execute(async (trx) => {
        const created = await (trx as Kysely<HelpdeskTables>)
          .insertInto('helpdesk_canned_replies')
          .values({ structure_id: desk.structure.id, title, body, suggested_status: suggestedStatus, audience, active, created_by: desk.userId, updated_at: deps.clock.now() })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actorOf(request), { action: 'helpdesk.canned.create', subject: { type: 'helpdesk_canned_reply', id: created.id }, after: { title, suggestedStatus, audience, active } });
        return created;
      });
      return reply.status(201).send(toManagedReply(row));
    });

    app.put(
      '/api/assistenza/supervision/canned-replies/:id',
      { config, schema: { tags, summary: 'Modifica una risposta predefinita della struttura', params: cannedParams, body: cannedBody } },
      async (request) => {
        const { row: before } = await ownReply(request, request.params.id);
        checkReply(request.body);
        const { title, body, suggestedStatus, audience, active } = request.body;
        return deps.db.transaction().execute(async (trx) => {
          const row = await (trx as Kysely<HelpdeskTables>)
            .updateTable('helpdesk_canned_replies')
            .set({ title, body, suggested_status: suggestedStatus, audience, active, updated_at: deps.clock.now() })
            .where('id', '=', before.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, actorOf(request), {
            action: 'helpdesk.canned.update',
            subject: { type: 'helpdesk_canned_reply', id: row.id },
            before: { title: before.title, body: before.body, suggestedStatus: before.suggested_status, audience: before.audience, active: before.active },
            after: { title, body, suggestedStatus, audience, active },
          });
          return toManagedReply(row);
        });
      },
    );

    app.delete(
      '/api/assistenza/supervision/canned-replies/:id',
      { config, schema: { tags, summary: 'Disattiva una risposta predefinita della struttura', params: cannedParams } },
      async (request, reply) => {
        const { row } = await ownReply(request, request.params.id);
        await deps.db.transaction().execute(async (trx) => {
          await (trx as Kysely<HelpdeskTables>).updateTable('helpdesk_canned_replies').set({ active: false, updated_at: deps.clock.now() }).where('id', '=', row.id).execute();
          await recordAudit(trx, actorOf(request), { action: 'helpdesk.canned.deactivate', subject: { type: 'helpdesk_canned_reply', id: row.id }, before: { active: row.active }, after: { active: false } });
        });
        return reply.status(204).send();
      },
    );
  };
}
