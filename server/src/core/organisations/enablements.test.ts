import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../shared/fiscal-code.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let owner: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  owner = new HttpClient(t.baseUrl);
  await owner.signInWithSpid(DEMO_PEOPLE.merchantOwner.fiscalCode);
  await owner.selectStructure('Farmacia Centrale');
});

const code = (first15: string) => first15 + fiscalCodeCheckCharacter(first15);

describe('Gestione delle Abilitazioni', () => {
  it('lists the structure’s employees with role, services and state', async () => {
    const r = await owner.api('GET', '/api/structure/employees');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    expect(r.body.items.map((e: { familyName: string; role: string; services: string[]; enabled: boolean }) => [e.familyName, e.role, e.services, e.enabled])).toEqual([
      ['Gallo', 'operator', ['voucher-secondogeniti'], true],
      ['Rossi', 'owner', [], true],
    ]);
  });

  it('adds an employee by codice fiscale, refusing bad codes and duplicates without changing anything', async () => {
    const before = (await owner.api('GET', '/api/structure/employees')).body.total;
    const malformed = await owner.api('POST', '/api/structure/employees', { fiscalCode: 'ABC', givenName: 'A', familyName: 'B' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.fiscalCode).toBe('Il codice fiscale deve essere di 16 caratteri.');
    const wrongCheck = await owner.api('POST', '/api/structure/employees', { fiscalCode: 'VRDGLI95A41F839A', givenName: 'Giulia', familyName: 'Verdi' });
    expect(wrongCheck.status).toBe(400);
    expect(wrongCheck.body.fields.fiscalCode).toMatch(/carattere di controllo/);
    const missingName = await owner.api('POST', '/api/structure/employees', { fiscalCode: code('VRDGLI95A41F839'), givenName: ' ', familyName: 'Verdi' });
    expect(missingName.body.fields.givenName).toBe('Il nome è obbligatorio.');
    expect((await owner.api('GET', '/api/structure/employees')).body.total).toBe(before);

    const added = await owner.api('POST', '/api/structure/employees', { fiscalCode: code('VRDGLI95A41F839').toLowerCase(), givenName: 'Giulia', familyName: 'Verdi' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fiscalCode: code('VRDGLI95A41F839'), role: 'operator', enabled: true, services: [] });

    const duplicate = await owner.api('POST', '/api/structure/employees', { fiscalCode: code('VRDGLI95A41F839'), givenName: 'Giulia', familyName: 'Verdi' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('employee_exists');
    expect((await owner.api('GET', '/api/structure/employees')).body.total).toBe(before + 1);
  });

  it('paginates and searches by codice fiscale, name or surname', async () => {
    for (let i = 0; i < 25; i++) {
      const first15 = `BNC${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}RA8${i % 10}A01F839`;
      const r = await owner.api('POST', '/api/structure/employees', { fiscalCode: code(first15), givenName: `Nome${i}`, familyName: `Paginato${String(i).padStart(2, '0')}` });
      expect(r.status).toBe(201);
    }
    const page1 = await owner.api('GET', '/api/structure/employees?q=paginato&pageSize=10');
    expect(page1.body.total).toBe(25);
    expect(page1.body.items).toHaveLength(10);
    const page3 = await owner.api('GET', '/api/structure/employees?q=paginato&pageSize=10&page=3');
    expect(page3.body.items.map((e: { familyName: string }) => e.familyName)).toEqual(['Paginato20', 'Paginato21', 'Paginato22', 'Paginato23', 'Paginato24']);
    const byCode = await owner.api('GET', `/api/structure/employees?q=${DEMO_PEOPLE.merchantOperator.fiscalCode.slice(0, 8)}`);
    expect(byCode.body.items.map((e: { familyName: string }) => e.familyName)).toEqual(['Gallo']);
    const byFullName = await owner.api('GET', '/api/structure/employees?q=Francesca%20Gallo');
    expect(byFullName.body.total).toBe(1);
    const wildcard = await owner.api('GET', '/api/structure/employees?q=%25');
    expect(wildcard.body.total).toBe(0);
  });

  it('associates and removes services, only those the structure offers', async () => {
    const list = (await owner.api('GET', '/api/structure/employees?q=Gallo')).body.items;
    const gallo = list[0].userId;
    const offered = (await owner.api('GET', '/api/structure/services')).body.map((s: { code: string }) => s.code);
    expect(offered).toEqual(['voucher-secondogeniti', 'istanza-rimborso']);

    const added = await owner.api('POST', `/api/structure/employees/${gallo}/services`, { service: 'istanza-rimborso' });
    expect(added.body.services).toEqual(['istanza-rimborso', 'voucher-secondogeniti']);
    const again = await owner.api('POST', `/api/structure/employees/${gallo}/services`, { service: 'istanza-rimborso' });
    expect(again.status).toBe(409);
    const foreign = await owner.api('POST', `/api/structure/employees/${gallo}/services`, { service: 'sol-assistenza' });
    expect(foreign.status).toBe(422);
    const ownerOnly = await owner.api('POST', `/api/structure/employees/${gallo}/services`, { service: 'gestione-struttura' });
    expect(ownerOnly.status).toBe(422);

    const removed = await owner.api('DELETE', `/api/structure/employees/${gallo}/services/istanza-rimborso`);
    expect(removed.body.services).toEqual(['voucher-secondogeniti']);
    expect((await owner.api('DELETE', `/api/structure/employees/${gallo}/services/istanza-rimborso`)).status).toBe(422);
  });

  it('disables an employee: his session ends and he cannot sign in again until re-enabled', async () => {
    const gallo = new HttpClient(t.baseUrl);
    await gallo.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    expect((await gallo.session()).structure.name).toBe('Farmacia Centrale');
    const id = (await gallo.session()).user.id;

    const disabled = await owner.api('POST', `/api/structure/employees/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    expect((await gallo.session()).user).toBeNull();

    const retry = new HttpClient(t.baseUrl);
    const landed = await retry.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    expect(landed.pathname + landed.search).toBe('/accedi?errore=user_disabled');
    expect((await retry.session()).user).toBeNull();

    expect((await owner.api('POST', `/api/structure/employees/${id}/disable`)).status).toBe(409);
    expect((await owner.api('POST', `/api/structure/employees/${id}/enable`)).body.enabled).toBe(true);
    await retry.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    expect((await retry.session()).structure.name).toBe('Farmacia Centrale');
  });

  it('refuses to disable oneself', async () => {
    const me = (await owner.session()).user.id;
    const r = await owner.api('POST', `/api/structure/employees/${me}/disable`);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('cannot_disable_self');
  });

  it('is the owner’s and the administrator’s only', async () => {
    const operator = new HttpClient(t.baseUrl);
    await operator.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    const r = await operator.api('GET', '/api/structure/employees');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('service_not_enabled');

    const admin = new HttpClient(t.baseUrl);
    expect((await admin.signInWithPassword('admin', 'Sportello.2026', '246810')).status).toBe(200);
    await admin.selectStructure('Farmacia Centrale');
    const list = await admin.api('GET', '/api/structure/employees?q=Rossi');
    expect(list.status).toBe(200);
    const rossi = list.body.items.find((e: { familyName: string }) => e.familyName === 'Rossi');
    // The owner can only be disabled by an administrator.
    expect((await admin.api('POST', `/api/structure/employees/${rossi.userId}/disable`)).status).toBe(200);
    expect((await admin.api('POST', `/api/structure/employees/${rossi.userId}/enable`)).status).toBe(200);
  });
});
