import type { Kysely } from 'kysely';
import { structuresByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { RuleViolation } from '../../../platform/http/errors.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { fieldErrorsOf, type RequestForm, requestForm } from './request-form.schema.js';

export class RequestInvalid extends RuleViolation {
  constructor(fields: Record<string, string>) {
    super('request_invalid', 'Alcuni campi della richiesta non sono validi: correggili e invia di nuovo.', fields);
  }
}

async function isActive(db: AnyDb, table: 'helpdesk_services' | 'helpdesk_roles' | 'helpdesk_categories', code: string): Promise<boolean> {
  const row = await (db as Kysely<HelpdeskTables>).selectFrom(table).select('code').where('code', '=', code).where('active', '=', true).executeTakeFirst();
  return row !== undefined;
}

/**
 * The form, checked whole: shape and catalogue (active codes, an agency that is a health agency),
 * every invalid field reported at once (422 request_invalid, a message per field).
 */
export async function validateRequestForm(db: AnyDb, raw: unknown): Promise<RequestForm> {
  const parsed = requestForm.safeParse(raw ?? {});
  const fields = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // The catalogue is checked for the fields whose shape is right, from the raw values.
  const value = (raw ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string).trim() : '');
  const checks: Promise<void>[] = [];
  const catalogueCheck = (key: string, table: 'helpdesk_services' | 'helpdesk_roles' | 'helpdesk_categories', message: string) => {
    if (fields[key] || !text(key)) return;
    checks.push(isActive(db, table, text(key)).then((ok) => void (ok || (fields[key] = message))));
  };
  catalogueCheck('serviceCode', 'helpdesk_services', 'Il servizio scelto non è tra quelli disponibili.');
  catalogueCheck('roleCode', 'helpdesk_roles', 'Il ruolo scelto non è tra quelli disponibili.');
  catalogueCheck('categoryCode', 'helpdesk_categories', 'La tipologia scelta non è tra quelle disponibili.');
  if (!fields.agencyId && text('agencyId')) {
    const id = text('agencyId');
    checks.push(
      structuresByIds(db, [id]).then((found) => {
        if (found.get(id)?.kind !== 'health_agency') fields.agencyId = "L'ASR scelta non è tra quelle disponibili.";
      }),
    );
  }
  await Promise.all(checks);
  if (!parsed.success || Object.keys(fields).length > 0) throw new RequestInvalid(fields);
  return parsed.data;
}
