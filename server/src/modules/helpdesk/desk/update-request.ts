import type { Kysely } from 'kysely';
import { structuresByIds } from '../../../core/organisations/index.js';
import { Conflict, RuleViolation } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { addNote, history, lockRequest, moveRequest, type RequestActor } from '../request-thread.js';
import type { Desk } from './desk-access.js';
import type { UpdateBody } from './desk.schemas.js';
import { checkNoteBody, PUBLIC_NOTE_REQUIRED } from './note-rules.js';

export interface UpdateOutcome {
  /** The request went to another queue ("non di competenza"): the caller no longer sees it. */
  leftQueue: boolean;
  queueStructureId: string;
}

/**
 * The "Aggiorna" of a request's detail: a note and/or a new status, in one transaction (seed 004
 * §2.4–2.6). "Non di competenza" sends the request, with its public note addressed to the regional
 * operator only, to the agency's region; the status moves first so that the citizen's e-mail
 * states the new one. A public note on a request still "nuova" moves it to "in lavorazione".
 */
export async function updateRequest(deps: HelpdeskDeps, desk: Desk, requestId: string, input: UpdateBody, actor: RequestActor): Promise<UpdateOutcome> {
  const note = input.note ? { body: checkNoteBody(input.note.body), isPublic: input.note.public } : undefined;
  return deps.db.transaction().execute(async (trx) => {
    const request = await lockRequest(trx, requestId, desk.structure.id);
    let to = input.status === request.status ? undefined : input.status;
    if (!note && !to) throw new RuleViolation('update_empty', 'Scrivi una nota o scegli un nuovo stato.');
    if (to === 'chiuso') {
      throw new Conflict('status_closed_by_system', 'Lo stato «Chiuso» non si imposta: la richiesta vi passa da sola alcuni giorni dopo «Risolto».');
    }
    const needsPublic = to ? PUBLIC_NOTE_REQUIRED[to] : undefined;
    if (needsPublic && !note?.isPublic) throw new RuleViolation('public_note_required', needsPublic, { 'note.body': needsPublic });

    let regionalDesk: string | undefined;
    if (to === 'non_di_competenza') {
      if (desk.isRegionalDesk) {
        throw new RuleViolation('no_regional_desk_above', 'La richiesta è già all’assistenza regionale: rispondi al cittadino o inviala a un’altra azienda sanitaria.');
      }
      regionalDesk = (await structuresByIds(trx, [desk.structure.id])).get(desk.structure.id)?.parentId ?? undefined;
      if (!regionalDesk) throw new RuleViolation('no_regional_desk', 'La tua azienda sanitaria non ha un’assistenza regionale a cui inoltrare la richiesta.');
    }
    if (!to && note?.isPublic && request.status === 'nuova') to = 'in_lavorazione';

    if (to) await moveRequest(trx, deps, request, to, actor, regionalDesk ? { queueStructureId: regionalDesk } : {});
    if (regionalDesk && request.assignee_user_id) {
      // The agency's operator has no say at the regional desk.
      await (trx as Kysely<HelpdeskTables>).updateTable('helpdesk_requests').set({ assignee_user_id: null }).where('id', '=', request.id).execute();
      await history(trx, deps, request.id, 'assignee', request.assignee_user_id, null, actor);
      request.assignee_user_id = null;
    }
    if (note) {
      const audience = to === 'non_di_competenza' ? 'regional_desk' : note.isPublic ? 'citizen' : 'internal';
      await addNote(trx, deps, request, { body: note.body, audience, actor });
    }
    return { leftQueue: request.queue_structure_id !== desk.structure.id, queueStructureId: request.queue_structure_id };
  });
}
