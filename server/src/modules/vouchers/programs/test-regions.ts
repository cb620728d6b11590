/** Tests: a second region with its own operator of "Gestione programmi voucher", and signing in. */
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { HttpClient } from '../../../../test/http-client.js';
import type { TestApp } from '../../../../test/test-app.js';
import { PROGRAM_SERVICE } from './program.js';

export interface SecondRegion {
  id: string;
  name: string;
  operatorFiscalCode: string;
}

/** "Regione Basilicata", where Maria Bianchi (owner of an ASL in the demo) is a programs operator. */
export async function addSecondRegion(t: TestApp): Promise<SecondRegion> {
  const db = t.database.pool;
  const name = 'Regione Basilicata';
  const region = await db.query("INSERT INTO organisations (kind, name) VALUES ('region', $1) RETURNING id", [name]);
  const person = DEMO_PEOPLE.agencyOwner;
  const user = await db.query('SELECT id FROM users WHERE fiscal_code = $1', [person.fiscalCode]);
  await db.query("INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'operator')", [region.rows[0].id, user.rows[0].id]);
  await db.query('INSERT INTO membership_services (organisation_id, user_id, service_code) VALUES ($1, $2, $3)', [region.rows[0].id, user.rows[0].id, PROGRAM_SERVICE]);
  return { id: region.rows[0].id, name, operatorFiscalCode: person.fiscalCode };
}

export async function regionOperator(t: TestApp, fiscalCode: string, structure: string): Promise<HttpClient> {
  const client = new HttpClient(t.baseUrl);
  await client.signInWithSpid(fiscalCode);
  await client.selectStructure(structure);
  return client;
}
