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
  /** The structure it belongs to (a health agency's region), if any. */
  parentId: string | null;
}

/** The structures of one kind (e.g. every merchant, to enrol in a program), by name. */
export function listStructuresOfKind(db: AnyDb, kind: OrganisationKind): Promise<StructureRef[]> {
  return (db as Kysely<DirectoryTables>)
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'parent_id as parentId'])
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
    .select(['id', 'name', 'kind', 'parent_id as parentId'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export interface StructureOwner {
  userId: string;
  givenName: string;
  familyName: string;
  email: string | null;
}

/** The owners ("titolare") of a structure who are not disabled, e.g. to notify them. */
export function ownersOf(db: AnyDb, structureId: string): Promise<StructureOwner[]> {
  return (db as Kysely<DirectoryTables>)
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.given_name as givenName', 'u.family_name as familyName', 'u.email'])
    .where('m.organisation_id', '=', structureId)
    .where('m.role', '=', 'owner')
    .where('m.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute();
}

/** A person as listed in a menu: id and "Nome Cognome". */
export interface NamedPerson {
  id: string;
  name: string;
}

/**
 * The people who may work a service in a structure: members not disabled (owner or operator)
 * holding the service in membership_services, by name — e.g. the "OPERATORE" menu of the help desk.
 */
export async function operatorsWithService(db: AnyDb, structureId: string, serviceCode: string): Promise<NamedPerson[]> {
  const rows = await (db as Kysely<DirectoryTables>)
    .selectFrom('memberships as m')
    .innerJoin('membership_services as ms', (join) =>
      join.onRef('ms.organisation_id', '=', 'm.organisation_id').onRef('ms.user_id', '=', 'm.user_id').on('ms.service_code', '=', serviceCode),
    )
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.given_name', 'u.family_name'])
    .where('m.organisation_id', '=', structureId)
    .where('m.role', 'in', ['owner', 'operator'])
    .where('m.disabled_at', 'is', null)
    .orderBy('u.given_name')
    .orderBy('u.family_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}` }));
}

/** "Nome Cognome" of the given users (e.g. a former assignee in a history); unknown ids are absent. */
export async function userNamesByIds(db: AnyDb, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await (db as Kysely<DirectoryTables>).selectFrom('users').select(['id', 'given_name', 'family_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
}

export interface PersonContact {
  id: string;
  fiscalCode: string | null;
  givenName: string;
  familyName: string;
  email: string | null;
  mobilePhone: string | null;
}

/** A person's name and contacts (e.g. to prefill a form he is filing), or undefined. */
export function personById(db: AnyDb, userId: string): Promise<PersonContact | undefined> {
  return (db as Kysely<DirectoryTables>)
    .selectFrom('users')
    .select(['id', 'fiscal_code as fiscalCode', 'given_name as givenName', 'family_name as familyName', 'email', 'mobile_phone as mobilePhone'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
