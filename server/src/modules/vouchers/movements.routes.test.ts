import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../shared/fiscal-code.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { movementCode } from './movements.routes.js';

const LAURA = DEMO_PEOPLE.secondCitizen.fiscalCode;
const MARIA = `BNCMRA85M41F839${fiscalCodeCheckCharacter('BNCMRA85M41F839')}`;

let t: TestApp;
let farmacia: HttpClient;
/** Movement ids by name: F* of Farmacia Centrale, B* of Baby Store Caserta. */
const ids: Record<string, string> = {};
const vouchers: Record<string, string> = {};

const list = (query: string) => farmacia.api('GET', `/api/vouchers/movements?${query}`);
const names = (items: { id: string }[]) => items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? i.id);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.pool;
  const orgId = async (name: string) => (await db.query('SELECT id FROM organisations WHERE name = $1', [name])).rows[0].id as string;
  const farmaciaId = await orgId('Farmacia Centrale');
  const babyStoreId = await orgId('Baby Store Caserta');
  const program = (await db.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id")).rows[0].id;
  for (const merchant of [farmaciaId, babyStoreId]) {
    await db.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program, merchant]);
  }
  for (const [code, fiscalCode, card] of [
    ['VS-MOV-LAURA', LAURA, '80380000000000000011'],
    ['VS-MOV-MARIA', MARIA, '80380000000000000012'],
  ] as const) {
    vouchers[code] = (
      await db.query(
        `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                               initial_cents, available_cents, activation_date, expiry_date)
         VALUES ($1, $2, $3, $4, 'Nome', 'Cognome', '+393331000099', 25000, 25000, '2024-01-01', '2026-12-31') RETURNING id`,
        [code, program, fiscalCode, card],
      )
    ).rows[0].id;
  }
  const movement = async (name: string, merchant: string, voucher: string, createdAt: string, amountCents: number, status = 'confermato', purchaseOf?: string) => {
    ids[name] = (
      await db.query(
        `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, purchase_id, idempotency_key, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, gen_random_uuid(), $8) RETURNING id`,
        [vouchers[voucher], merchant, purchaseOf ? 'cancellazione' : 'acquisto', status, amountCents, purchaseOf ? ids[purchaseOf] : null, `seed-${name}`, createdAt],
      )
    ).rows[0].id;
  };
  // Winter (Rome = UTC+1).
  await movement('F5', farmaciaId, 'VS-MOV-MARIA', '2025-01-09T22:59:00Z', 500); // 09/01 23:59 Rome
  await movement('F1', farmaciaId, 'VS-MOV-LAURA', '2025-01-10T08:00:00Z', 1000); // 10/01 09:00
  await movement('F2', farmaciaId, 'VS-MOV-MARIA', '2025-01-10T22:30:00Z', 2000, 'in_attesa'); // 10/01 23:30
  await movement('F3', farmaciaId, 'VS-MOV-LAURA', '2025-01-10T23:10:00Z', 3000, 'rilasciato'); // 11/01 00:10
  await movement('F4', farmaciaId, 'VS-MOV-LAURA', '2025-01-12T11:00:00Z', 1000, 'confermato', 'F1'); // 12/01 12:00, cancels F1
  // Summer (Rome = UTC+2).
  await movement('F6', farmaciaId, 'VS-MOV-LAURA', '2025-07-01T21:30:00Z', 600); // 01/07 23:30 Rome
  await movement('F7', farmaciaId, 'VS-MOV-MARIA', '2025-07-01T22:10:00Z', 700); // 02/07 00:10 Rome
  // Another merchant, same beneficiaries and days.
  await movement('B1', babyStoreId, 'VS-MOV-LAURA', '2025-01-10T09:00:00Z', 7777);
  await movement('B2', babyStoreId, 'VS-MOV-MARIA', '2025-01-10T23:20:00Z', 8888);
  await movement('B3', babyStoreId, 'VS-MOV-LAURA', '2025-07-01T21:40:00Z', 9999);

  farmacia = new HttpClient(t.baseUrl);
  await farmacia.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
});
afterAll(() => t.close());

describe('Elenco Movimenti by period', () => {
  it('lists the merchant’s movements of the Rome days, newest first, with each field', async () => {
    const r = await list('from=2025-01-01&to=2025-01-31');
    expect(r.status).toBe(200);
    expect(names(r.body.items)).toEqual(['F4', 'F3', 'F2', 'F1', 'F5']);
    expect(r.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(r.body.items[0]).toEqual({
      id: ids.F4,
      createdAt: '2025-01-12T11:00:00.000Z',
      code: movementCode(ids.F4!),
      voucherCode: 'VS-MOV-LAURA',
      beneficiaryFiscalCode: LAURA,
      kind: 'cancellazione',
      status: 'confermato',
      amountCents: 1000,
    });
    expect(r.body.items[0].code).toMatch(/^MOV-[0-9A-F]{8}$/);
    expect(r.body.items[0].code).toBe(`MOV-${ids.F4!.slice(0, 8).toUpperCase()}`);
    expect(r.body.items.map((i: { status: string }) => i.status)).toEqual(['confermato', 'rilasciato', 'in_attesa', 'confermato', 'confermato']);
  });

  it('cuts the days at Rome midnight: 23:30 belongs to the day, 00:10 to the next (winter and summer time)', async () => {
    expect(names((await list('from=2025-01-10&to=2025-01-10')).body.items)).toEqual(['F2', 'F1']);
    expect(names((await list('from=2025-01-11&to=2025-01-11')).body.items)).toEqual(['F3']);
    expect(names((await list('from=2025-01-09&to=2025-01-09')).body.items)).toEqual(['F5']);
    expect(names((await list('from=2025-07-01&to=2025-07-01')).body.items)).toEqual(['F6']);
    expect(names((await list('from=2025-07-02&to=2025-07-02')).body.items)).toEqual(['F7']);
    const none = await list('from=2025-03-01&to=2025-03-31');
    expect(none.body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('pages through the results', async () => {
    const pages = [];
    for (let page = 1; page <= 4; page++) {
      const r = await list(`from=2025-01-01&to=2025-12-31&pageSize=2&page=${page}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ total: 7, page, pageSize: 2 });
      pages.push(names(r.body.items));
    }
    expect(pages).toEqual([['F7', 'F6'], ['F4', 'F3'], ['F2', 'F1'], ['F5']]);
    expect((await list('from=2025-01-01&to=2025-12-31&pageSize=2&page=5')).body).toMatchObject({ items: [], total: 7 });
  });
});

describe('Elenco Movimenti by codice fiscale', () => {
  it('lists one beneficiary’s movements at this merchant, in any case, within the period if given', async () => {
    const all = await list(`fiscalCode=${LAURA.toLowerCase()}`);
    expect(all.status).toBe(200);
    expect(names(all.body.items)).toEqual(['F6', 'F4', 'F3', 'F1']);
    expect(all.body.total).toBe(4);
    expect(all.body.items.every((i: { beneficiaryFiscalCode: string }) => i.beneficiaryFiscalCode === LAURA)).toBe(true);

    const inPeriod = await list(`fiscalCode=${LAURA}&from=2025-01-10&to=2025-01-11`);
    expect(names(inPeriod.body.items)).toEqual(['F3', 'F1']);
    expect(names((await list(`fiscalCode=${MARIA}&from=2025-01-10&to=2025-01-10`)).body.items)).toEqual(['F2']);

    const nobody = `ZZZZZZ90A01F839${fiscalCodeCheckCharacter('ZZZZZZ90A01F839')}`;
    expect((await list(`fiscalCode=${nobody}`)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });
});

describe('another merchant', () => {
  it('never shows Baby Store movements to the Farmacia, and the reverse', async () => {
    const babyIds = [ids.B1, ids.B2, ids.B3];
    for (const query of ['from=2024-06-01&to=2025-06-01', 'from=2025-01-10&to=2025-01-10', `fiscalCode=${LAURA}`, `fiscalCode=${MARIA}`, 'from=2025-07-01&to=2025-07-01']) {
      const r = await list(query);
      expect(r.status).toBe(200);
      expect(r.body.items.some((i: { id: string }) => babyIds.includes(i.id)), query).toBe(false);
      expect(JSON.stringify(r.body)).not.toMatch(/7777|8888|9999/);
    }
    const babyStore = new HttpClient(t.baseUrl);
    await babyStore.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
    const own = await babyStore.api('GET', '/api/vouchers/movements?from=2025-01-01&to=2025-12-31');
    expect(own.status).toBe(200);
    expect(names(own.body.items)).toEqual(['B3', 'B2', 'B1']);
  });
});

describe('validation', () => {
  it('refuses a missing, malformed, reversed or too long period, a bad codice fiscale and bad paging', async () => {
    const missing = await list('');
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['from', 'to']);
    expect((await list('from=2025-01-01')).body.fields.to).toBeTruthy();
    // With a codice fiscale, a half period is still incomplete.
    expect((await list(`fiscalCode=${LAURA}&from=2025-01-01`)).body.fields.to).toBeTruthy();

    const reversed = await list('from=2025-01-11&to=2025-01-10');
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields.to).toBe('La data di fine non può precedere la data di inizio.');

    expect((await list('from=2024-01-01&to=2025-01-01')).status).toBe(200); // 366 days
    const tooLong = await list('from=2024-01-01&to=2025-01-02');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields.to).toMatch(/366 giorni/);

    for (const bad of ['2025-02-30', '10/01/2025', '2025-1-1', 'x']) {
      const r = await list(`from=${encodeURIComponent(bad)}&to=2025-03-01`);
      expect(r.status, bad).toBe(400);
      expect(r.body.fields.from, bad).toBeTruthy();
    }

    const short = await list('fiscalCode=RSSLRA91A62');
    expect(short.status).toBe(400);
    expect(short.body.fields.fiscalCode).toBe('Il codice fiscale deve essere di 16 caratteri.');
    const first15 = LAURA.slice(0, 15);
    const wrong = String.fromCharCode(((fiscalCodeCheckCharacter(first15).charCodeAt(0) - 65 + 1) % 26) + 65);
    const badCheck = await list(`fiscalCode=${first15}${wrong}&from=2025-01-01&to=2025-01-31`);
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.fields.fiscalCode).toMatch(/controllo/);

    for (const paging of ['page=0', 'page=-1', 'page=1.5', 'page=abc']) {
      const r = await list(`from=2025-01-01&to=2025-01-31&${paging}`);
      expect(r.status, paging).toBe(400);
      expect(r.body.fields.page, paging).toBeTruthy();
    }
    for (const paging of ['pageSize=0', 'pageSize=101', 'pageSize=x']) {
      const r = await list(`from=2025-01-01&to=2025-01-31&${paging}`);
      expect(r.status, paging).toBe(400);
      expect(r.body.fields.pageSize, paging).toBeTruthy();
    }
    expect((await list('from=2025-01-01&to=2025-01-31&pageSize=100')).body.pageSize).toBe(100);
  });
});
