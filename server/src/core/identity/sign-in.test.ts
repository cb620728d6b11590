import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PIN } from '../../demo/identities.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('SPID and CIE through the demo OpenID provider', () => {
  it('signs a person in by codice fiscale and picks his only structure', async () => {
    const client = new HttpClient(t.baseUrl);
    const landed = await client.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    expect(landed.pathname).toBe('/');
    const session = await client.session();
    expect(session.user).toMatchObject({ givenName: 'Francesca', familyName: 'Gallo', fiscalCode: DEMO_PEOPLE.merchantOperator.fiscalCode });
    expect(session.authMethod).toBe('spid');
    expect(session.structure).toMatchObject({ name: 'Farmacia Centrale', role: 'operator' });
    expect(session.services.map((s: { code: string }) => s.code)).toEqual(['voucher-secondogeniti']);
  });

  it('lets a person with several structures choose, and refuses one he is not enabled for', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.signInWithSpid(DEMO_PEOPLE.merchantOwner.fiscalCode, 'cie');
    let session = await client.session();
    expect(session.authMethod).toBe('cie');
    expect(session.structure).toBeNull();
    expect(session.structures.map((s: { name: string }) => s.name)).toEqual(['Baby Store Caserta', 'Farmacia Centrale']);

    session = await client.selectStructure('Farmacia Centrale');
    expect(session.structure).toMatchObject({ name: 'Farmacia Centrale', role: 'owner' });
    expect(session.services.map((s: { code: string }) => s.code)).toContain('gestione-struttura');

    const region = await t.database.kysely.selectFrom('organisations').select('id').where('name', '=', 'Regione Campania').executeTakeFirstOrThrow();
    const refused = await client.api('POST', '/api/session/structure', { structureId: region.id });
    expect(refused.status).toBe(404);
    expect((await client.session()).structure.name).toBe('Farmacia Centrale');
  });

  it('creates a citizen on his first sign-in, with the contacts the provider releases', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.signInWithSpid(DEMO_PEOPLE.newcomer.fiscalCode);
    const session = await client.session();
    expect(session.user.familyName).toBe('Fontana');
    expect(session.structures).toEqual([]);
    const row = await t.database.kysely.selectFrom('users').selectAll().where('fiscal_code', '=', DEMO_PEOPLE.newcomer.fiscalCode).executeTakeFirstOrThrow();
    expect(row.mobile_phone).toBe(DEMO_PEOPLE.newcomer.mobilePhone);
    expect(row.email).toBe(DEMO_PEOPLE.newcomer.email);
  });

  it('comes back with "login_cancelled" when the person cancels at the provider', async () => {
    const client = new HttpClient(t.baseUrl);
    const { url: interaction } = await client.follow(await client.raw('GET', '/api/auth/oidc/spid/start'));
    const { url } = await client.follow(await client.raw('POST', `${interaction}/abort`));
    expect(new URL(url).pathname + new URL(url).search).toBe('/accedi?errore=login_cancelled');
    expect((await client.session()).user).toBeNull();
  });

  it('refuses a callback without its login in flight, or replayed', async () => {
    const client = new HttpClient(t.baseUrl);
    const start = await client.raw('GET', '/api/auth/oidc/spid/start');
    const { url: interaction } = await client.follow(start);
    const submitted = await client.raw('POST', `${interaction}/login`, { form: { identity: DEMO_PEOPLE.citizen.fiscalCode } });
    // Walk the redirects up to the callback, but let a different browser (no login cookie) arrive there.
    let response = submitted;
    let location = '';
    while (response.status >= 300 && response.status < 400) {
      location = new URL(response.headers.get('location')!, t.baseUrl).href;
      if (location.includes('/api/auth/oidc/spid/callback')) break;
      response = await client.raw('GET', location);
    }
    const stranger = new HttpClient(t.baseUrl);
    const hijacked = await stranger.raw('GET', location);
    expect(hijacked.headers.get('location')).toBe('/accedi?errore=login_expired');
    expect((await stranger.session()).user).toBeNull();
  });
});

describe('credentials', () => {
  it('signs in an operator with password and PIN, and refuses him without the PIN', async () => {
    const client = new HttpClient(t.baseUrl);
    const noPin = await client.signInWithPassword('operatore.asl', DEMO_PASSWORD);
    expect(noPin.status).toBe(401);
    const ok = await client.signInWithPassword('operatore.asl', DEMO_PASSWORD, DEMO_PIN);
    expect(ok.status).toBe(200);
    const session = await client.session();
    expect(session.authMethod).toBe('password_pin');
    expect(session.structure.name).toBe('ASL Napoli 1 Centro');
  });

  it('answers the same for an unknown user, a wrong password and a wrong PIN', async () => {
    const client = new HttpClient(t.baseUrl);
    const unknown = await client.signInWithPassword('nessuno', 'whatever');
    const wrongPassword = await client.signInWithPassword('farmacia.centrale', 'wrong-password');
    const wrongPin = await client.signInWithPassword('admin', DEMO_PASSWORD, '000000');
    for (const r of [unknown, wrongPassword, wrongPin]) {
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('invalid_credentials');
      expect(r.body.detail).toBe(unknown.body.detail);
    }
    expect((await client.session()).user).toBeNull();
  });

  it('locks an account after 5 failures, even with the right password, and unknown accounts alike', async () => {
    await t.database.pool.query('DELETE FROM rate_limits');
    const client = new HttpClient(t.baseUrl);
    for (const username of ['farmacia.centrale', 'utente.inesistente']) {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.signInWithPassword(username, `wrong-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
    }
    const locked = await client.signInWithPassword('farmacia.centrale', DEMO_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.detail).toMatch(/bloccato/);
    expect(locked.headers.get('retry-after')).toBeTruthy();

    t.clock.advance(16 * 60_000);
    expect((await client.signInWithPassword('farmacia.centrale', DEMO_PASSWORD)).status).toBe(200);
  });

  it('limits attempts per IP address', async () => {
    await t.database.pool.query("DELETE FROM rate_limits WHERE key LIKE 'login:ip:%'");
    const client = new HttpClient(t.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await client.signInWithPassword(`probe-${i}`, 'x')).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    await t.database.pool.query("DELETE FROM rate_limits WHERE key LIKE 'login:ip:%'");
  });

  it('validates the body with Italian messages per field', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.session();
    const r = await client.api('POST', '/api/auth/login', { username: '', password: '' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.fields).toMatchObject({ username: 'Inserisci lo username.', password: 'Inserisci la password.' });
  });
});

describe('sessions', () => {
  it('refuses a POST without its CSRF token, and with another session’s token', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.signInWithSpid(DEMO_PEOPLE.merchantOwner.fiscalCode);
    const other = new HttpClient(t.baseUrl);
    await other.signInWithSpid(DEMO_PEOPLE.secondMerchantOwner.fiscalCode);
    const structures = (await client.session()).structures;

    const missing = await client.raw('POST', '/api/session/structure', { body: { structureId: structures[0].id } });
    expect(missing.status).toBe(403);
    expect((await missing.json()).code).toBe('csrf_invalid');
    const foreign = await client.raw('POST', '/api/session/structure', {
      body: { structureId: structures[0].id },
      headers: { 'x-csrf-token': other.csrfToken },
    });
    expect(foreign.status).toBe(403);
    expect((await client.session()).structure).toBeNull();
  });

  it('treats a tampered cookie as no session', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.signInWithSpid(DEMO_PEOPLE.citizen.fiscalCode);
    const token = client.cookies.get('sportello_session')!;
    client.cookies.set('sportello_session', `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`);
    expect((await client.session()).user).toBeNull();
    expect((await client.api('POST', '/api/auth/logout')).status).toBe(401);
  });

  it('ends after the idle timeout and after the absolute timeout', async () => {
    const idle = new HttpClient(t.baseUrl);
    await idle.signInWithSpid(DEMO_PEOPLE.citizen.fiscalCode);
    t.clock.advance(29 * 60_000);
    expect((await idle.session()).user).not.toBeNull(); // touched: the idle window starts again
    t.clock.advance(29 * 60_000);
    expect((await idle.session()).user).not.toBeNull();
    t.clock.advance(31 * 60_000);
    expect((await idle.session()).user).toBeNull();

    const busy = new HttpClient(t.baseUrl);
    await busy.signInWithSpid(DEMO_PEOPLE.citizen.fiscalCode);
    for (let hours = 0; hours < 12; hours++) {
      t.clock.advance(25 * 60_000);
      await busy.session();
      t.clock.advance(25 * 60_000);
      await busy.session();
      t.clock.advance(10 * 60_000);
    }
    expect((await busy.session()).user).toBeNull();
  });

  it('revokes the session on logout, so the old cookie is worthless', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.signInWithSpid(DEMO_PEOPLE.citizen.fiscalCode);
    const cookie = client.cookies.get('sportello_session')!;
    expect((await client.api('POST', '/api/auth/logout')).status).toBe(204);
    const replay = new HttpClient(t.baseUrl);
    replay.cookies.set('sportello_session', cookie);
    expect((await replay.session()).user).toBeNull();
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.session();
    const response = await client.raw('POST', '/api/auth/login', {
      body: { username: 'farmacia.centrale', password: DEMO_PASSWORD },
      headers: { 'x-csrf-token': client.csrfToken },
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sportello_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
