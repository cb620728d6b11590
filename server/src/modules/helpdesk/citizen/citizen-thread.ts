import type { Kysely } from 'kysely';
import { structuresByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { NotFound } from '../../../platform/http/errors.js';
import type { Documents } from '../../../core/documents/index.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { citizenStatus, REQUEST_STATUSES, type RequestStatus } from '../request-status.js';

export const TOKEN_NOT_FOUND = 'Richiesta non trovata o collegamento non valido.';
export const REQUEST_NOT_FOUND = 'Richiesta di assistenza non trovata.';

/** How the citizen reached the thread: signed in (his own requests only) or through the signed link. */
export type CitizenAccess = { kind: 'signed-in'; userId: string } | { kind: 'link'; token: string };

export interface ThreadMessage {
  id: string;
  from: 'citizen' | 'operator';
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface CitizenThread {
  id: string;
  number: number;
  service: string;
  category: string;
  agencyName: string;
  status: RequestStatus;
  statusLabel: string;
  createdAt: string;
  canAnswer: boolean;
  request: {
    givenName: string;
    familyName: string;
    fiscalCode: string;
    email: string;
    phone: string;
    description: string;
    attachment: null | { fileName: string; sizeBytes: number; url: string };
  };
  messages: ThreadMessage[];
}

/** The citizen's request, or 404 (missing, or another citizen's: the same answer). */
export async function findCitizenRequest(db: AnyDb, requestId: string, access: CitizenAccess) {
  let query = (db as Kysely<HelpdeskTables>).selectFrom('helpdesk_requests').selectAll().where('id', '=', requestId);
  if (access.kind === 'signed-in') query = query.where('citizen_user_id', '=', access.userId);
  const request = await query.executeTakeFirst();
  if (!request) throw new NotFound(access.kind === 'link' ? TOKEN_NOT_FOUND : REQUEST_NOT_FOUND);
  return request;
}

export function attachmentUrl(requestId: string, access: CitizenAccess): string {
  return access.kind === 'signed-in'
    ? `/api/assistenza/my-requests/${requestId}/attachment`
    : `/api/assistenza/thread/attachment?token=${encodeURIComponent(access.token)}`;
}

/**
 * The thread as the citizen sees it: his request and the public messages only — operators' public
 * notes and his own answers. Private notes and the "non di competenza" note to the regional desk
 * never leave the back office. Operators appear as their structure's help desk, never by name.
 */
export async function loadCitizenThread(deps: { db: AnyDb; documents: Documents }, requestId: string, access: CitizenAccess): Promise<CitizenThread> {
  const db = deps.db as Kysely<HelpdeskTables>;
  const request = await findCitizenRequest(deps.db, requestId, access);
  const [service, category, notes, attachment] = await Promise.all([
    db.selectFrom('helpdesk_services').select('label').where('code', '=', request.service_code).executeTakeFirst(),
    db.selectFrom('helpdesk_categories').select('label').where('code', '=', request.category_code).executeTakeFirst(),
    db
      .selectFrom('helpdesk_notes')
      .select(['id', 'author_kind', 'author_name', 'author_structure_id', 'body', 'created_at'])
      .where('request_id', '=', request.id)
      .where('audience', '=', 'citizen')
      .orderBy('seq')
      .execute(),
    request.attachment_document_id ? deps.documents.find(request.attachment_document_id) : Promise.resolve(undefined),
  ]);
  const structures = await structuresByIds(deps.db, [request.agency_structure_id, ...notes.flatMap((n) => (n.author_structure_id ? [n.author_structure_id] : []))]);
  const status = citizenStatus(request.status as RequestStatus);
  const citizenName = `${request.given_name} ${request.family_name}`;
  return {
    id: request.id,
    number: request.number,
    service: service?.label ?? request.service_code,
    category: category?.label ?? request.category_code,
    agencyName: structures.get(request.agency_structure_id)?.name ?? '',
    status,
    statusLabel: REQUEST_STATUSES[status].label,
    createdAt: request.created_at.toISOString(),
    canAnswer: status !== 'chiuso',
    request: {
      givenName: request.given_name,
      familyName: request.family_name,
      fiscalCode: request.fiscal_code,
      email: request.email,
      phone: request.phone,
      description: request.description,
      attachment: attachment ? { fileName: attachment.originalName, sizeBytes: attachment.sizeBytes, url: attachmentUrl(request.id, access) } : null,
    },
    messages: notes.map((note) => {
      const fromCitizen = note.author_kind === 'citizen';
      const structure = note.author_structure_id ? structures.get(note.author_structure_id)?.name : undefined;
      return {
        id: note.id,
        from: fromCitizen ? 'citizen' : 'operator',
        authorName: fromCitizen ? (note.author_name ?? citizenName) : structure ? `Assistenza ${structure}` : 'SOL Assistenza',
        body: note.body,
        createdAt: note.created_at.toISOString(),
      };
    }),
  };
}
