import type { Kysely } from 'kysely';
import type { Documents } from '../../../core/documents/index.js';
import { listStructuresOfKind, operatorsWithService, structuresByIds, userNamesByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { NotFound } from '../../../platform/http/errors.js';
import { HELPDESK_SERVICE } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { operatorTargets, REQUEST_STATUSES, type RequestStatus } from '../request-status.js';
import { loadCatalogues } from './catalogues.js';
import type { Desk } from './desk-access.js';

const k = (db: AnyDb) => db as Kysely<HelpdeskTables>;

/** A request of the desk's queue; any other answers "not found", exactly like a missing one. */
export async function findQueueRequest(db: AnyDb, queueStructureId: string, requestId: string) {
  const row = await k(db).selectFrom('helpdesk_requests').selectAll().where('id', '=', requestId).where('queue_structure_id', '=', queueStructureId).executeTakeFirst();
  if (!row) throw new NotFound('Richiesta di assistenza non trovata.');
  return row;
}

const statusLabel = (code: string | null) => (code && code in REQUEST_STATUSES ? REQUEST_STATUSES[code as RequestStatus].label : null);

/** The health agencies of a region: where its desk may send a request. */
export async function agenciesOfRegion(db: AnyDb, regionId: string) {
  return (await listStructuresOfKind(db, 'health_agency')).filter((a) => a.parentId === regionId).map((a) => ({ id: a.id, name: a.name }));
}

/** The statuses the "STATO" menu offers now (the regional desk has no desk above it to forward to). */
export function allowedStatuses(status: RequestStatus, isRegionalDesk: boolean) {
  return operatorTargets(status)
    .filter((s) => !(isRegionalDesk && s === 'non_di_competenza'))
    .map((code) => ({ code, label: REQUEST_STATUSES[code].label }));
}

/** The detail of a request as an operator of its queue sees it: every note, the full history. */
export async function requestDetail(db: AnyDb, documents: Documents, desk: Desk, requestId: string) {
  const r = await findQueueRequest(db, desk.structure.id, requestId);
  const [notes, history, catalogues, operators, agencies, attachment] = await Promise.all([
    k(db).selectFrom('helpdesk_notes').selectAll().where('request_id', '=', r.id).orderBy('seq').execute(),
    k(db).selectFrom('helpdesk_history').selectAll().where('request_id', '=', r.id).orderBy('id').execute(),
    loadCatalogues(db),
    operatorsWithService(db, desk.structure.id, HELPDESK_SERVICE),
    desk.isRegionalDesk ? agenciesOfRegion(db, desk.structure.id) : Promise.resolve([]),
    r.attachment_document_id ? documents.find(r.attachment_document_id) : Promise.resolve(undefined),
  ]);
  const queueIds = history.filter((h) => h.change === 'queue').flatMap((h) => [h.from_value, h.to_value]);
  const userIds = history.filter((h) => h.change === 'assignee').flatMap((h) => [h.from_value, h.to_value]);
  const [structures, users] = await Promise.all([
    structuresByIds(db, [r.agency_structure_id, r.queue_structure_id, ...notes.flatMap((n) => (n.author_structure_id ? [n.author_structure_id] : [])), ...queueIds.filter((id): id is string => !!id)]),
    userNamesByIds(db, [...(r.assignee_user_id ? [r.assignee_user_id] : []), ...userIds.filter((id): id is string => !!id)]),
  ]);
  const structureName = (id: string | null) => (id ? (structures.get(id)?.name ?? null) : null);
  const labelOf = (change: string, value: string | null) => {
    if (value === null) return null;
    if (change === 'status' || change === 'created') return statusLabel(value);
    if (change === 'assignee') return users.get(value) ?? null;
    return structureName(value);
  };
  const status = r.status as RequestStatus;
  return {
    id: r.id,
    number: r.number,
    status,
    statusLabel: REQUEST_STATUSES[status].label,
    createdAt: r.created_at.toISOString(),
    statusChangedAt: r.status_changed_at.toISOString(),
    service: catalogues.service(r.service_code),
    category: catalogues.category(r.category_code),
    role: catalogues.role(r.role_code),
    agency: { id: r.agency_structure_id, name: structureName(r.agency_structure_id) ?? '' },
    queue: { id: r.queue_structure_id, name: structureName(r.queue_structure_id) ?? '' },
    citizen: { givenName: r.given_name, familyName: r.family_name, fiscalCode: r.fiscal_code, email: r.email, phone: r.phone, signedIn: r.citizen_user_id !== null },
    description: r.description,
    attachment: attachment ? { id: attachment.id, fileName: attachment.originalName, sizeBytes: attachment.sizeBytes } : null,
    assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: users.get(r.assignee_user_id) ?? '' } : null,
    notes: notes.map((n) => ({
      id: n.id,
      audience: n.audience,
      authorKind: n.author_kind,
      authorName: n.author_name,
      authorStructureName: structureName(n.author_structure_id),
      body: n.body,
      createdAt: n.created_at.toISOString(),
    })),
    history: history.map((h) => ({
      change: h.change,
      from: h.from_value,
      fromLabel: labelOf(h.change, h.from_value),
      to: h.to_value,
      toLabel: labelOf(h.change, h.to_value),
      actorKind: h.actor_kind,
      actorName: h.actor_name,
      at: h.occurred_at.toISOString(),
    })),
    allowedStatuses: allowedStatuses(status, desk.isRegionalDesk),
    canForward: desk.isRegionalDesk && status === 'non_di_competenza',
    isRegionalDesk: desk.isRegionalDesk,
    agencies,
    operators,
  };
}
