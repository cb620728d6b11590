import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { addSecondRegion, regionOperator, type SecondRegion } from './test-regions.js';

let t: TestApp;
let campania: HttpClient;
let basilicata: HttpClient;
let second: SecondRegion;
const ids: Record<string, string> = {};

async function structureId(name: string): Promise<string> {
  return (await t.database.pool.query('SELECT id FROM organisations WHERE name = $1', [name])).rows[0].id;
}

async function audit(action: string) {
  return (await t.database.pool.query('SELECT actor_name, structure_id, subject_id, before, after FROM audit_log WHERE action = $1 ORDER BY occurred_at, id', [action])).rows;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const name of ['Farmacia Centrale', 'Baby Store Caserta', 'Regione Campania', 'ASL Napoli 1 Centro']) ids[name] = await structureId(name);
  second = await addSecondRegion(t);
  campania = await regionOperator(t, DEMO_PEOPLE.regionOperator.fiscalCode, 'Regione Campania');
  basilicata = await regionOperator(t, second.operatorFiscalCode, second.name);
});
afterAll(() => t.close());

describe('programs of a region', () => {
  let programId: string;

  it('starts empty, lists the merchant structures one may enrol, and creates a program with its merchants', async () => {
    expect((await campania.api('GET', '/api/voucher-programs')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    const merchants = await campania.api('GET', '/api/voucher-programs/merchant-structures');
    expect(merchants.status).toBe(200);
    expect(merchants.body.items.map((m: { name: string }) => m.name)).toEqual(['Baby Store Caserta', 'Farmacia Centrale']);

    const created = await campania.api('POST', '/api/voucher-programs', {
      name: '  Voucher Secondogeniti 2026 ',
      faceValueCents: 100_000,
      validityMonths: 12,
      merchantStructureIds: [ids['Farmacia Centrale'], ids['Farmacia Centrale']],
    });
    expect(created.status).toBe(201);
    programId = created.body.program.id;
    expect(created.body).toMatchObject({
      program: { name: 'Voucher Secondogeniti 2026', faceValueCents: 100_000, validityMonths: 12, merchantCount: 1, voucherCount: 0 },
      merchants: [{ id: ids['Farmacia Centrale'], name: 'Farmacia Centrale' }],
      imports: [],
    });
    const row = (await t.database.pool.query('SELECT region_structure_id, created_by FROM voucher_programs WHERE id = $1', [programId])).rows[0];
    expect(row.region_structure_id).toBe(ids['Regione Campania']);

    const list = await campania.api('GET', '/api/voucher-programs');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id: programId, name: 'Voucher Secondogeniti 2026', merchantCount: 1 });

    const [entry] = await audit('voucher.program.create');
    expect(entry).toMatchObject({
      actor_name: 'Luca Romano',
      structure_id: ids['Regione Campania'],
      subject_id: programId,
      after: { name: 'Voucher Secondogeniti 2026', faceValueCents: 100_000, validityMonths: 12, merchants: [{ id: ids['Farmacia Centrale'], name: 'Farmacia Centrale' }] },
    });
  });

  it('refuses a program without name, with a face value not in cents or not positive, a validity out of range', async () => {
    const bad = await campania.api('POST', '/api/voucher-programs', { name: ' ', faceValueCents: 100.5, validityMonths: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({
      name: 'Indica il nome del programma.',
      faceValueCents: 'Il valore deve essere in centesimi interi.',
      validityMonths: 'La validità deve essere di almeno un mese.',
    });
    const negative = await campania.api('POST', '/api/voucher-programs', { name: 'X', faceValueCents: -1, validityMonths: 121 });
    expect(negative.body.fields).toEqual({
      faceValueCents: 'Il valore del voucher deve essere maggiore di zero.',
      validityMonths: 'La validità non può superare 120 mesi.',
    });
  });

  it('enrols only merchant structures: a health agency or an unknown id is refused and nothing is written', async () => {
    for (const id of [ids['ASL Napoli 1 Centro'], '00000000-0000-4000-8000-000000000000']) {
      const r = await campania.api('POST', '/api/voucher-programs', { name: 'X', faceValueCents: 100, validityMonths: 1, merchantStructureIds: [id] });
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'not_a_merchant', fields: { merchantStructureIds: 'Scegli esercenti dall’elenco.' } });
      const enrol = await campania.api('POST', `/api/voucher-programs/${programId}/merchants`, { merchantStructureIds: [id] });
      expect(enrol.status).toBe(422);
    }
    expect((await campania.api('GET', '/api/voucher-programs')).body.total).toBe(1);
  });

  it('enrols a merchant (once), removes it, and audits both', async () => {
    const enrolled = await campania.api('POST', `/api/voucher-programs/${programId}/merchants`, { merchantStructureIds: [ids['Baby Store Caserta']] });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.merchants.map((m: { name: string }) => m.name)).toEqual(['Baby Store Caserta', 'Farmacia Centrale']);
    // Enrolling again changes nothing and records nothing.
    await campania.api('POST', `/api/voucher-programs/${programId}/merchants`, { merchantStructureIds: [ids['Baby Store Caserta']] });
    expect(await audit('voucher.program.merchant.enrol')).toEqual([
      expect.objectContaining({
        subject_id: programId,
        after: { program: 'Voucher Secondogeniti 2026', merchantStructureId: ids['Baby Store Caserta'], merchantName: 'Baby Store Caserta' },
      }),
    ]);

    const removed = await campania.api('DELETE', `/api/voucher-programs/${programId}/merchants/${ids['Baby Store Caserta']}`);
    expect(removed.status).toBe(200);
    expect(removed.body.merchants.map((m: { name: string }) => m.name)).toEqual(['Farmacia Centrale']);
    expect(await audit('voucher.program.merchant.remove')).toEqual([
      expect.objectContaining({ before: { program: 'Voucher Secondogeniti 2026', merchantStructureId: ids['Baby Store Caserta'], merchantName: 'Baby Store Caserta' } }),
    ]);
    const again = await campania.api('DELETE', `/api/voucher-programs/${programId}/merchants/${ids['Baby Store Caserta']}`);
    expect(again.status).toBe(404);
    expect(again.body.detail).toBe('L’esercente non aderisce a questo programma.');
  });

  it('an enrolled merchant finds the program’s vouchers; once removed, it no longer does', async () => {
    await t.database.pool.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       VALUES ('VS-PRG-000001', $1, $2, '80380000000000000001', 'Laura', 'Russo', '+393331000013', 100000, 100000, '2020-01-01', '2999-12-31')`,
      [programId, DEMO_PEOPLE.secondCitizen.fiscalCode],
    );
    const babyStore = new HttpClient(t.baseUrl);
    await babyStore.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
    const search = () => babyStore.api('GET', `/api/vouchers/search?fiscalCode=${DEMO_PEOPLE.secondCitizen.fiscalCode}`);
    expect((await search()).status).toBe(404);
    await campania.api('POST', `/api/voucher-programs/${programId}/merchants`, { merchantStructureIds: [ids['Baby Store Caserta']] });
    expect((await search()).status).toBe(200);
    await campania.api('DELETE', `/api/voucher-programs/${programId}/merchants/${ids['Baby Store Caserta']}`);
    expect((await search()).status).toBe(404);
  });

  it('another region sees nothing of this program and changes nothing: 404 like a missing one', async () => {
    expect((await basilicata.api('GET', '/api/voucher-programs')).body).toMatchObject({ items: [], total: 0 });
    const before = (await t.database.pool.query('SELECT program_id, merchant_structure_id FROM voucher_program_merchants ORDER BY 1, 2')).rows;
    const attempts = [
      await basilicata.api('GET', `/api/voucher-programs/${programId}`),
      await basilicata.api('POST', `/api/voucher-programs/${programId}/merchants`, { merchantStructureIds: [ids['Baby Store Caserta']] }),
      await basilicata.api('DELETE', `/api/voucher-programs/${programId}/merchants/${ids['Farmacia Centrale']}`),
      await basilicata.api('GET', `/api/voucher-programs/${programId}/imports/00000000-0000-4000-8000-000000000000`),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('Voucher Secondogeniti 2026');
    }
    expect((await t.database.pool.query('SELECT program_id, merchant_structure_id FROM voucher_program_merchants ORDER BY 1, 2')).rows).toEqual(before);
    // …while its own program works: the refusals are not a broken route.
    const own = await basilicata.api('POST', '/api/voucher-programs', { name: 'Bonus Basilicata', faceValueCents: 5000, validityMonths: 6 });
    expect(own.status).toBe(201);
    expect((await basilicata.api('GET', `/api/voucher-programs/${own.body.program.id}`)).status).toBe(200);
    expect((await campania.api('GET', `/api/voucher-programs/${own.body.program.id}`)).status).toBe(404);
    expect((await campania.api('GET', '/api/voucher-programs')).body.total).toBe(1);
  });

  it('is only for operators with the service: a merchant operator is refused', async () => {
    const merchant = new HttpClient(t.baseUrl);
    await merchant.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    const r = await merchant.api('GET', '/api/voucher-programs');
    expect(r.status).toBe(403);
  });

  it('pages the list, newest first', async () => {
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(1000);
      await campania.api('POST', '/api/voucher-programs', { name: `Programma ${i}`, faceValueCents: 1000 * i, validityMonths: 6 });
    }
    const first = await campania.api('GET', '/api/voucher-programs?page=1&pageSize=2');
    expect(first.body.total).toBe(4);
    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['Programma 3', 'Programma 2']);
    const secondPage = await campania.api('GET', '/api/voucher-programs?page=2&pageSize=2');
    expect(secondPage.body.items.map((p: { name: string }) => p.name)).toEqual(['Programma 1', 'Voucher Secondogeniti 2026']);
  });
});
