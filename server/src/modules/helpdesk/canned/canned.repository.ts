import type { Kysely, Selectable } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { placeholdersIn } from './placeholders.js';

export type CannedRow = Selectable<HelpdeskTables['helpdesk_canned_replies']>;

const k = (db: AnyDb) => db as Kysely<HelpdeskTables>;

/** The replies a structure's operators may use or its supervisors see: the global ones and its own. */
export function repliesFor(db: AnyDb, structureId: string, options: { activeOnly: boolean }) {
  let query = k(db)
    .selectFrom('helpdesk_canned_replies')
    .selectAll()
    .where((eb) => eb.or([eb('structure_id', 'is', null), eb('structure_id', '=', structureId)]));
  if (options.activeOnly) query = query.where('active', '=', true);
  return query.orderBy('title').orderBy('id').execute();
}

export function findReply(db: AnyDb, id: string) {
  return k(db).selectFrom('helpdesk_canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What an operator's editor receives. */
export function toReply(row: CannedRow) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    placeholders: placeholdersIn(row.body),
    suggestedStatus: row.suggested_status,
    audience: row.audience,
  };
}

/** What a supervisor's list shows. */
export function toManagedReply(row: CannedRow) {
  return { ...toReply(row), active: row.active, global: row.structure_id === null, updatedAt: row.updated_at.toISOString() };
}
