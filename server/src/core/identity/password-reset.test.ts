import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../demo/identities.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.pool.query('DELETE FROM rate_limits');
});

const mario = DEMO_PEOPLE.merchantOwner; // username farmacia.centrale
const NEW_PASSWORD = 'Lampione.Verde42';

async function lastLink(): Promise<string | undefined> {
  const { rows } = await t.database.pool.query(
    "SELECT data->>'link' AS link FROM outbox_messages WHERE template = 'password-reset' ORDER BY created_at DESC, id DESC LIMIT 1",
  );
  return rows[0]?.link;
}

async function forgot(client: HttpClient, body: Record<string, string>) {
  await client.session();
  return client.api('POST', '/api/auth/password/forgot', body);
}

describe('Ho smarrito la password', () => {
  it('answers the same whether or not the person exists, and writes an e-mail only when she does', async () => {
    const client = new HttpClient(t.baseUrl);
    const unknown = await forgot(client, { givenName: 'Nessuno', familyName: 'Nessuno', fiscalCode: DEMO_PEOPLE.citizen.fiscalCode });
    const wrongName = await forgot(client, { givenName: 'Luigi', familyName: 'Rossi', fiscalCode: mario.fiscalCode });
    expect(await lastLink()).toBeUndefined();
    const known = await forgot(client, { givenName: ' mario ', familyName: 'ROSSI', fiscalCode: mario.fiscalCode.toLowerCase() });
    for (const r of [unknown, wrongName, known]) {
      expect(r.status).toBe(202);
      expect(r.body).toEqual(known.body);
    }
    const link = await lastLink();
    expect(link).toMatch(new RegExp(`^${t.baseUrl}/reimposta-password\\?token=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$`));
    const { rows } = await t.database.pool.query("SELECT recipient FROM outbox_messages WHERE template = 'password-reset'");
    expect(rows).toEqual([{ recipient: mario.email }]);
  });

  it('refuses a malformed codice fiscale with a field message', async () => {
    const r = await forgot(new HttpClient(t.baseUrl), { givenName: 'Mario', familyName: 'Rossi', fiscalCode: 'RSSMRA85T10F839X' });
    expect(r.status).toBe(400);
    expect(r.body.fields.fiscalCode).toMatch(/carattere di controllo/);
  });

  it('sets a new password once through the link, ends his sessions, and the old password stops working', async () => {
    const signedIn = new HttpClient(t.baseUrl);
    expect((await signedIn.signInWithPassword('farmacia.centrale', DEMO_PASSWORD)).status).toBe(200);
    await forgot(new HttpClient(t.baseUrl), { givenName: 'Mario', familyName: 'Rossi', fiscalCode: mario.fiscalCode });
    const token = new URL((await lastLink())!).searchParams.get('token')!;

    const client = new HttpClient(t.baseUrl);
    await client.session();
    expect((await client.api('GET', `/api/auth/password/reset?token=${encodeURIComponent(token)}`)).body.valid).toBe(true);
    const weak = await client.api('POST', '/api/auth/password/reset', { token, password: 'mario123', passwordConfirmation: 'mario123' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.password).toMatch(/almeno 12 caratteri/);
    const mismatch = await client.api('POST', '/api/auth/password/reset', { token, password: NEW_PASSWORD, passwordConfirmation: `${NEW_PASSWORD}x` });
    expect(mismatch.body.fields.passwordConfirmation).toBe('Le due password non coincidono.');

    const done = await client.api('POST', '/api/auth/password/reset', { token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(done.status).toBe(204);
    expect((await signedIn.session()).user).toBeNull();
    expect((await new HttpClient(t.baseUrl).signInWithPassword('farmacia.centrale', DEMO_PASSWORD)).status).toBe(401);
    expect((await new HttpClient(t.baseUrl).signInWithPassword('farmacia.centrale', NEW_PASSWORD)).status).toBe(200);

    const reused = await client.api('POST', '/api/auth/password/reset', { token, password: 'Altra.Password99', passwordConfirmation: 'Altra.Password99' });
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('reset_link_used');
  });

  it('refuses an expired link, a tampered one, and one replaced by a newer link', async () => {
    const client = new HttpClient(t.baseUrl);
    await forgot(client, { givenName: 'Mario', familyName: 'Rossi', fiscalCode: mario.fiscalCode });
    const first = new URL((await lastLink())!).searchParams.get('token')!;
    await forgot(client, { givenName: 'Mario', familyName: 'Rossi', fiscalCode: mario.fiscalCode });
    const second = new URL((await lastLink())!).searchParams.get('token')!;
    const body = (token: string) => ({ token, password: 'Nuova.Password77', passwordConfirmation: 'Nuova.Password77' });

    expect((await client.api('POST', '/api/auth/password/reset', body(first))).body.code).toBe('reset_link_used');
    expect((await client.api('POST', '/api/auth/password/reset', body(`${second.slice(0, -3)}abc`))).body.code).toBe('reset_link_invalid');
    t.clock.advance(31 * 60_000);
    const expired = await client.api('POST', '/api/auth/password/reset', body(second));
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('reset_link_expired');
    expect((await client.api('GET', `/api/auth/password/reset?token=${encodeURIComponent(second)}`)).body.code).toBe('reset_link_expired');
  });

  it('limits requests per person', async () => {
    const client = new HttpClient(t.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await forgot(client, { givenName: 'Chiunque', familyName: 'Altro', fiscalCode: mario.fiscalCode })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
