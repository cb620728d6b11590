import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PIN } from '../../demo/identities.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { recordAudit } from './audit.js';

let t: TestApp;
let owner: HttpClient;
let admin: HttpClient;
let galloId: string;
beforeAll(async () => {
  t = await startTestApp();
  owner = new HttpClient(t.baseUrl);
  await owner.signInWithSpid(DEMO_PEOPLE.merchantOwner.fiscalCode);
  await owner.selectStructure('Farmacia Centrale');
  admin = new HttpClient(t.baseUrl);
  await admin.signInWithPassword('admin', DEMO_PASSWORD, DEMO_PIN);
  galloId = (await owner.api('GET', '/api/structure/employees?q=Gallo')).body.items[0].userId;
});
afterAll(() => t.close());

const rows = async (action: string) =>
  (await t.database.pool.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY id', [action])).rows;

describe('audit log', () => {
  it('records a status change with who, where, before and after, in the change’s transaction', async () => {
    expect((await owner.api('POST', `/api/structure/employees/${galloId}/disable`)).status).toBe(200);
    const [row] = await rows('employee.disable');
    expect(row).toMatchObject({
      actor_name: 'Mario Rossi',
      structure_name: 'Farmacia Centrale',
      subject_type: 'employee',
      subject_id: galloId,
      person_fiscal_code: DEMO_PEOPLE.merchantOperator.fiscalCode,
    });
    expect(row.before.enabled).toBe(true);
    expect(row.after.enabled).toBe(false);

    // A refused change leaves nothing.
    expect((await owner.api('POST', `/api/structure/employees/${galloId}/disable`)).status).toBe(409);
    expect(await rows('employee.disable')).toHaveLength(1);
    await owner.api('POST', `/api/structure/employees/${galloId}/enable`);
  });

  it('leaves no row when the change rolls back', async () => {
    const actor = { userId: null, name: 'prova', structureId: null, structureName: null, ip: null };
    await expect(
      t.database.kysely.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, { action: 'test.rollback', subject: { type: 'test' } });
        throw new Error('the change fails after its audit row was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await rows('test.rollback')).toHaveLength(0);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const pool = t.database.pool;
    await expect(pool.query("UPDATE audit_log SET actor_name = 'falsario'")).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await pool.query("SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'falsario'")).rows[0].n).toBe(0);
  });

  it('records sign-ins', async () => {
    const login = (await rows('session.login')).find((r) => r.person_fiscal_code === DEMO_PEOPLE.merchantOwner.fiscalCode);
    expect(login.after.method).toBe('spid');
  });

  it('lets an administrator search it by person, structure, action and period, and nobody else', async () => {
    const byPerson = await admin.api('GET', `/api/admin/audit?person=${DEMO_PEOPLE.merchantOperator.fiscalCode.toLowerCase()}`);
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.items.map((r: { action: string }) => r.action)).toEqual(['employee.enable', 'employee.disable']);

    const structureId = (await owner.session()).structure.id;
    const byStructureAndAction = await admin.api('GET', `/api/admin/audit?structureId=${structureId}&action=employee.disable`);
    expect(byStructureAndAction.body.total).toBe(1);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(t.clock.now());
    expect((await admin.api('GET', `/api/admin/audit?from=${today}&to=${today}&action=employee.disable`)).body.total).toBe(1);
    expect((await admin.api('GET', `/api/admin/audit?from=2020-01-01&to=2020-01-31`)).body.total).toBe(0);
    const inverted = await admin.api('GET', '/api/admin/audit?from=2020-02-01&to=2020-01-01');
    expect(inverted.status).toBe(400);
    expect(inverted.body.fields.to).toMatch(/non può seguire/);

    expect((await admin.api('GET', '/api/admin/audit/actions')).body).toEqual(expect.arrayContaining(['employee.disable', 'session.login']));
    expect((await owner.api('GET', '/api/admin/audit')).status).toBe(403);
  });
});

describe('Data simulata', () => {
  it('lets an administrator set, advance and reset the date the rules read, and records it', async () => {
    const set = await admin.api('PUT', '/api/admin/clock', { date: '2027-04-15T08:00:00Z' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ now: '2027-04-15T08:00:00.000Z', simulated: true });
    expect((await owner.session()).clock).toMatchObject({ simulated: true });
    expect(t.simulatedClock.now().toISOString()).toBe('2027-04-15T08:00:00.000Z');

    const advanced = await admin.api('POST', '/api/admin/clock/advance', { seconds: 86400 });
    expect(advanced.body.now).toBe('2027-04-16T08:00:00.000Z');
    // Sessions run on real time: moving the date does not sign anybody out.
    expect((await owner.session()).user).not.toBeNull();

    const reset = await admin.api('PUT', '/api/admin/clock', { date: null });
    expect(reset.body.simulated).toBe(false);
    expect(Math.abs(t.simulatedClock.now().getTime() - t.clock.now().getTime())).toBe(0);
    expect(await rows('clock.set')).toHaveLength(3);

    expect((await admin.api('POST', '/api/admin/clock/advance', { seconds: 0 })).status).toBe(400);
    expect((await owner.api('PUT', '/api/admin/clock', { date: null })).status).toBe(403);
  });

  it('is not there at all in production mode', async () => {
    // buildApp refuses a SimulatedClock with a production configuration; main.ts never builds one.
    const { buildApp } = await import('../../app.js');
    const { loadConfig } = await import('../../config.js');
    const config = { ...loadConfig({ DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' }), production: true, demo: false };
    await expect(buildApp({ config, database: t.database, clock: t.simulatedClock })).rejects.toThrow(/refused in production/);
  });
});
