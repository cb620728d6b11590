import { type Kysely, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import { recentlyRead } from '../../../shared/recently-read.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';

export interface Labelled {
  code: string;
  label: string;
}

export interface Catalogues {
  services: Labelled[];
  categories: Labelled[];
  roles: Labelled[];
  /** { code, label } of a code, the code itself when it left the catalogue. */
  service(code: string): Labelled;
  category(code: string): Labelled;
  role(code: string): Labelled;
}

/**
 * The catalogues change only by migration (or by hand in the database): each process reads them
 * once a minute, not on every page of the queue (one round trip of the six a page took).
 */
export const loadCatalogues: (db: AnyDb) => Promise<Catalogues> = recentlyRead(60_000, readCatalogues);

/** The form's catalogues (inactive entries included: old requests still name them), in one round trip. */
async function readCatalogues(db: AnyDb): Promise<Catalogues> {
  const k = db as Kysely<HelpdeskTables>;
  const entries = (table: 'helpdesk_services' | 'helpdesk_categories' | 'helpdesk_roles') =>
    k.selectFrom(table).select([sql<string>`${table}::text`.as('catalogue'), 'code', 'label', 'position']);
  const rows = await entries('helpdesk_services')
    .unionAll(entries('helpdesk_categories'))
    .unionAll(entries('helpdesk_roles'))
    .orderBy('position')
    .orderBy('code')
    .execute();
  const of = (catalogue: string): Labelled[] => rows.filter((r) => r.catalogue === catalogue).map((r) => ({ code: r.code, label: r.label }));
  const services = of('helpdesk_services');
  const categories = of('helpdesk_categories');
  const roles = of('helpdesk_roles');
  const finder = (list: Labelled[]) => (code: string) => list.find((e) => e.code === code) ?? { code, label: code };
  return {
    services,
    categories,
    roles,
    service: finder(services),
    category: finder(categories),
    role: finder(roles),
  };
}
