import type { Kysely } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
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

/** The form's catalogues (inactive entries included: old requests still name them). */
export async function loadCatalogues(db: AnyDb): Promise<Catalogues> {
  const k = db as Kysely<HelpdeskTables>;
  const [services, categories, roles] = await Promise.all(
    (['helpdesk_services', 'helpdesk_categories', 'helpdesk_roles'] as const).map((table) =>
      k.selectFrom(table).select(['code', 'label']).orderBy('position').orderBy('code').execute(),
    ),
  );
  const finder = (list: Labelled[]) => (code: string) => list.find((e) => e.code === code) ?? { code, label: code };
  return {
    services: services!,
    categories: categories!,
    roles: roles!,
    service: finder(services!),
    category: finder(categories!),
    role: finder(roles!),
  };
}
