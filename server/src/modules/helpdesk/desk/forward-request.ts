import type { Kysely } from 'kysely';
import { Conflict, Forbidden, RuleViolation } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { REQUEST_STATUSES, type RequestStatus } from '../request-status.js';
import { addNote, history, lockRequest, moveRequest, type RequestActor } from '../request-thread.js';
import type { Desk } from './desk-access.js';
import { agenciesOfRegion } from './request-detail.js';
import { checkNoteBody } from './note-rules.js';

/**
 * The regional desk sends a request an agency marked "non di competenza" to another of its
 * agencies: back to "nuova" in that agency's queue, nobody assigned; an optional private note
 * tells the new agency why. Returns the agency.
 */
export async function forwardRequest(
  deps: HelpdeskDeps,
  desk: Desk,
  requestId: string,
  input: { agencyId: string; note?: string },
  actor: RequestActor,
): Promise<{ id: string; name: string }> {
  if (!desk.isRegionalDesk) throw new Forbidden('regional_desk_only', 'Solo l’assistenza regionale invia le richieste a un’altra azienda sanitaria.');
  const noteBody = input.note?.trim() ? checkNoteBody(input.note, 'note') : undefined;
  return deps.db.transaction().execute(async (trx) => {
    const request = await lockRequest(trx, requestId, desk.structure.id);
    if (request.status !== 'non_di_competenza') {
      throw new Conflict(
        'forwarding_refused',
        `La richiesta n. ${request.number} è nello stato «${REQUEST_STATUSES[request.status as RequestStatus].label}»: si invia a un’altra azienda solo se «Non di competenza».`,
      );
    }
    const agency = (await agenciesOfRegion(trx, desk.structure.id)).find((a) => a.id === input.agencyId);
    if (!agency) {
      const message = 'Scegli un’azienda sanitaria della tua Regione.';
      throw new RuleViolation('agency_not_of_region', message, { agencyId: message });
    }
    await moveRequest(trx, deps, request, 'nuova', actor, { queueStructureId: agency.id });
    if (request.assignee_user_id) {
      await (trx as Kysely<HelpdeskTables>).updateTable('helpdesk_requests').set({ assignee_user_id: null }).where('id', '=', request.id).execute();
      await history(trx, deps, request.id, 'assignee', request.assignee_user_id, null, actor);
    }
    if (noteBody) await addNote(trx, deps, request, { body: noteBody, audience: 'internal', actor });
    return agency;
  });
}
