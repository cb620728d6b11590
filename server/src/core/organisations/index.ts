/**
 * Organisations: what other modules may ask of the structures directory. Modules never query
 * `organisations` themselves; they call these functions (read only).
 */
import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import type { DirectoryTables, OrganisationKind } from './directory.tables.js';

export type { OrganisationKind } from './directory.tables.js';

export interface StructureRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** The structures of one kind (e.g. every merchant, to enrol in a program), by name. */
export function listStructuresOfKind(db: AnyDb, kind: OrganisationKind): Promise<StructureRef[]> {
  return (db as Kysely<DirectoryTables>)
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('kind', '=', kind)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Name and kind of the given structures; ids that do not exist are simply absent. */
export async function structuresByIds(db: AnyDb, ids: readonly string[]): Promise<Map<string, StructureRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await (db as Kysely<DirectoryTables>)
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
