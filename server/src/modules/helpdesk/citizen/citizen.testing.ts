import { readdirSync } from 'node:fs';
import { HttpClient } from '../../../../test/http-client.js';
import type { TestApp } from '../../../../test/test-app.js';
import { DEMO_PEOPLE } from '../../../demo/identities.js';

/** Test-only helpers for the citizen's routes. */

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export async function anonymous(t: TestApp): Promise<HttpClient> {
  const client = new HttpClient(t.baseUrl);
  await client.session(); // the pre-login CSRF token
  return client;
}

export async function signedIn(t: TestApp, fiscalCode: string): Promise<HttpClient> {
  const client = new HttpClient(t.baseUrl);
  await client.signInWithSpid(fiscalCode);
  return client;
}

export async function agencyIds(t: TestApp) {
  const { rows } = await t.database.pool.query<{ id: string; name: string }>("SELECT id, name FROM organisations WHERE kind IN ('health_agency', 'region')");
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return { napoli: byName.get('ASL Napoli 1 Centro')!, caserta: byName.get('ASL Caserta')!, region: byName.get('Regione Campania')! };
}

let sequence = 0;
/** A valid form for the ASL given; a fresh e-mail each time unless told, so limits per e-mail stay out of the way. */
export function validForm(agencyId: string, overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    serviceCode: 'ritiro-referti',
    roleCode: 'cittadino',
    givenName: 'Anna',
    familyName: 'Marino',
    fiscalCode: DEMO_PEOPLE.secondCitizen.fiscalCode.toLowerCase(),
    email: `anna.marino.${sequence}@example.it`,
    phone: '+39 333 123 4567',
    agencyId,
    categoryCode: 'referto-non-trovato',
    description: 'Non trovo il referto della visita del 3 marzo.',
    sitoWeb: '',
    ...overrides,
  };
}

/** "INVIA" as the web form sends it: multipart, the `data` part first, then the optional attachment. */
export async function fileMultipart(t: TestApp, client: HttpClient, data: unknown, file?: { name: string; content: Buffer; type?: string }, order: 'data-first' | 'file-first' = 'data-first'): Promise<Reply> {
  const form = new FormData();
  const appendFile = () => file && form.append('attachment', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
  if (order === 'file-first') appendFile();
  form.append('data', JSON.stringify(data));
  if (order === 'data-first') appendFile();
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${t.baseUrl}/api/assistenza/requests`, { method: 'POST', headers: { cookie, 'x-csrf-token': client.csrfToken }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** The token of the link of an anonymous filing. */
export const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

export const query = async (t: TestApp, text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows;

/** Every file the documents store holds. */
export function storedFiles(t: TestApp): string[] {
  return readdirSync(t.documentsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}
