import type { Kysely } from 'kysely';
import { listStructuresOfKind, personById } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';

export interface CatalogueEntry {
  code: string;
  label: string;
}

/** What the form "Nuova richiesta di assistenza" offers: active entries, in their order. */
export interface Catalogue {
  services: CatalogueEntry[];
  roles: CatalogueEntry[];
  categories: CatalogueEntry[];
  /** ASR di competenza: every health agency, by name. */
  agencies: { id: string; name: string }[];
}

type CatalogueTableName = 'helpdesk_services' | 'helpdesk_roles' | 'helpdesk_categories';

function activeEntries(db: AnyDb, table: CatalogueTableName): Promise<CatalogueEntry[]> {
  return (db as Kysely<HelpdeskTables>).selectFrom(table).select(['code', 'label']).where('active', '=', true).orderBy('position').orderBy('code').execute();
}

export async function loadCatalogue(db: AnyDb): Promise<Catalogue> {
  const [services, roles, categories, agencies] = await Promise.all([
    activeEntries(db, 'helpdesk_services'),
    activeEntries(db, 'helpdesk_roles'),
    activeEntries(db, 'helpdesk_categories'),
    listStructuresOfKind(db, 'health_agency'),
  ]);
  return { services, roles, categories, agencies: agencies.map((a) => ({ id: a.id, name: a.name })) };
}

export interface Prefill {
  givenName: string;
  familyName: string;
  fiscalCode: string | null;
  email: string | null;
  phone: string | null;
}

/** The signed-in person's own data, to prefill the form (SPID/CIE are authoritative for them). */
export async function prefillOf(db: AnyDb, userId: string): Promise<Prefill | null> {
  const person = await personById(db, userId);
  if (!person) return null;
  return { givenName: person.givenName, familyName: person.familyName, fiscalCode: person.fiscalCode, email: person.email, phone: person.mobilePhone };
}
