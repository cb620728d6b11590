import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../../shared/fiscal-code.js';
import { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { movementCode } from '../movement-code.js';

const LAURA = DEMO_PEOPLE.secondCitizen.fiscalCode;
const MARIA = `BNCMRA85M41F839${fiscalCodeCheckCharacter('BNCMRA85M41F839')}`;
const HEADER = 'Data e ora;Codice identificativo;ID Voucher;Codice fiscale beneficiario;Importo;Tipo operazione;Stato';
const PERIOD = 'from=2019-01-01&to=2019-12-31';

let t: TestApp;
let farmacia: HttpClient;
let babyStore: HttpClient;
/** Movement ids by name: F* of Farmacia Centrale, B* of Baby Store Caserta. */
const ids: Record<string, string> = {};
const code = (name: string) => movementCode(ids[name]!);

/** The export as the browser downloads it: status, headers and the raw bytes. */
async function download(client: HttpClient, query: string) {
  const response = await client.raw('GET', `/api/vouchers/movements/export?${query}`);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function auditRows(action: string) {
  const { rows } = await t.database.pool.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY occurred_at, id', [action]);
  return rows;
}

/** The end of an export is audited when its stream closes, just after the last byte. */
async function waitForAudit(action: string, count: number) {
  for (let i = 0; i < 100; i++) {
    const rows = await auditRows(action);
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${action} audit row`);
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.pool;
  const orgId = async (name: string) => (await db.query('SELECT id FROM organisations WHERE name = $1', [name])).rows[0].id as string;
  const farmaciaId = await orgId('Farmacia Centrale');
  const babyStoreId = await orgId('Baby Store Caserta');
  const program = (await db.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 250000, 12) RETURNING id")).rows[0].id;
  const vouchers: Record<string, string> = {};
  for (const [voucherCode, fiscalCode, card] of [
    ['VS-EXP-LAURA', LAURA, '80380000000000000021'],
    ['=VS-EXP-MARIA', MARIA, '80380000000000000022'],
  ] as const) {
    vouchers[voucherCode] = (
      await db.query(
        `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                               initial_cents, available_cents, activation_date, expiry_date)
         VALUES ($1, $2, $3, $4, 'Nome', 'Cognome', '+393331000099', 250000, 250000, '2019-01-01', '2020-12-31') RETURNING id`,
        [voucherCode, program, fiscalCode, card],
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
  // Winter (Rome = UTC+1), then summer (UTC+2).
  await movement('F1', farmaciaId, 'VS-EXP-LAURA', '2019-01-10T08:00:00Z', 123456); // 10/01 09:00 Rome
  await movement('F2', farmaciaId, '=VS-EXP-MARIA', '2019-01-10T22:30:00Z', 2000, 'in_attesa'); // 10/01 23:30
  await movement('F3', farmaciaId, 'VS-EXP-LAURA', '2019-01-10T23:10:00Z', 3000, 'rilasciato'); // 11/01 00:10
  await movement('F4', farmaciaId, 'VS-EXP-LAURA', '2019-01-12T11:00:00Z', 123456, 'confermato', 'F1'); // 12/01 12:00, cancels F1
  await movement('F5', farmaciaId, 'VS-EXP-LAURA', '2019-07-01T21:30:00Z', 5); // 01/07 23:30 Rome
  await movement('B1', babyStoreId, 'VS-EXP-LAURA', '2019-01-10T09:00:00Z', 777777);
  await movement('B2', babyStoreId, '=VS-EXP-MARIA', '2019-07-01T21:40:00Z', 888888);

  farmacia = new HttpClient(t.baseUrl);
  await farmacia.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
  babyStore = new HttpClient(t.baseUrl);
  await babyStore.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
});
afterAll(() => t.close());

describe('Esporta movimenti as CSV', () => {
  it('writes the merchant’s movements of the period, newest first, for Italian Excel', async () => {
    const r = await download(farmacia, PERIOD);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="movimenti-2019-01-01-2019-12-31.csv"');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark
    expect(r.bytes.subarray(3).toString('utf8')).toBe(
      [
        HEADER,
        `01/07/2019 23:30;${code('F5')};VS-EXP-LAURA;${LAURA};0,05;acquisto;confermato`,
        `12/01/2019 12:00;${code('F4')};VS-EXP-LAURA;${LAURA};1.234,56;cancellazione;confermato`,
        `11/01/2019 00:10;${code('F3')};VS-EXP-LAURA;${LAURA};30,00;acquisto;rilasciato`,
        // A value a spreadsheet would run as a formula is written inert.
        `10/01/2019 23:30;${code('F2')};'=VS-EXP-MARIA;${MARIA};20,00;acquisto;in attesa`,
        `10/01/2019 09:00;${code('F1')};VS-EXP-LAURA;${LAURA};1.234,56;acquisto;confermato`,
        '',
      ].join('\r\n'),
    );
  });

  it('cuts the period at Rome midnight and filters by codice fiscale like the listing', async () => {
    const lines = async (query: string) => (await download(farmacia, query)).bytes.toString('utf8').split('\r\n').slice(1, -1);
    expect(await lines('from=2019-01-10&to=2019-01-10')).toEqual([expect.stringContaining(code('F2')), expect.stringContaining(code('F1'))]);
    expect(await lines('from=2019-01-11&to=2019-01-11')).toEqual([expect.stringContaining(code('F3'))]);

    const onlyMaria = await download(farmacia, `fiscalCode=${MARIA.toLowerCase()}`);
    expect(onlyMaria.status).toBe(200);
    expect(onlyMaria.headers.get('content-disposition')).toBe(`attachment; filename="movimenti-${MARIA}.csv"`);
    expect(onlyMaria.bytes.toString('utf8').split('\r\n').slice(1, -1)).toEqual([expect.stringContaining(code('F2'))]);
    expect(await lines(`fiscalCode=${LAURA}&from=2019-01-11&to=2019-07-01`)).toEqual([
      expect.stringContaining(code('F5')),
      expect.stringContaining(code('F4')),
      expect.stringContaining(code('F3')),
    ]);
  });

  it('writes the header alone when nothing matches', async () => {
    const r = await download(farmacia, 'from=2018-01-01&to=2018-12-31');
    expect(r.status).toBe(200);
    expect(r.bytes.toString('utf8')).toBe(`\uFEFF${HEADER}\r\n`);
  });
});

describe('Esporta movimenti as XLSX', () => {
  it('writes real date cells, numeric euro amounts, a bold frozen header and sized columns', async () => {
    const r = await download(farmacia, `${PERIOD}&format=xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="movimenti-2019-01-01-2019-12-31.xlsx"');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Movimenti']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(';')]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (let c = 1; c <= 7; c++) expect(sheet.getColumn(c).width, `column ${c}`).toBeGreaterThanOrEqual(12);

    // The newest: 01/07/2019 23:30 in Rome, 5 cents.
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2019, 6, 1, 23, 30)));
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(5).value).toBe(0.05);
    expect(first.getCell(5).numFmt).toBe('#,##0.00 "€"');
    expect([2, 3, 4, 6, 7].map((c) => first.getCell(c).value)).toEqual([code('F5'), 'VS-EXP-LAURA', LAURA, 'acquisto', 'confermato']);

    const rows = [2, 3, 4, 5, 6].map((n) => sheet.getRow(n));
    expect(rows.map((row) => row.getCell(2).value)).toEqual(['F5', 'F4', 'F3', 'F2', 'F1'].map(code));
    expect(rows.map((row) => row.getCell(5).value)).toEqual([0.05, 1234.56, 30, 20, 1234.56]);
    expect(rows.map((row) => row.getCell(6).value)).toEqual(['acquisto', 'cancellazione', 'acquisto', 'acquisto', 'acquisto']);
    expect(rows.map((row) => row.getCell(7).value)).toEqual(['confermato', 'confermato', 'rilasciato', 'in attesa', 'confermato']);
    expect(rows.map((row) => (row.getCell(1).value as Date).toISOString())).toEqual([
      '2019-07-01T23:30:00.000Z',
      '2019-01-12T12:00:00.000Z',
      '2019-01-11T00:10:00.000Z',
      '2019-01-10T23:30:00.000Z',
      '2019-01-10T09:00:00.000Z',
    ]);
    expect(rows[3]!.getCell(3).value).toBe("'=VS-EXP-MARIA");
  });
});

describe('scope', () => {
  it('never exports another merchant’s movements, in either direction', async () => {
    for (const query of [PERIOD, `fiscalCode=${LAURA}`, `fiscalCode=${MARIA}`, `${PERIOD}&format=xlsx`]) {
      const text = (await download(farmacia, query)).bytes.toString('latin1');
      for (const name of ['B1', 'B2']) expect(text, query).not.toContain(code(name));
      expect(text, query).not.toMatch(/7\.777,77|8\.888,88/);
    }
    const own = (await download(babyStore, PERIOD)).bytes.toString('utf8').split('\r\n').slice(1, -1);
    expect(own).toEqual([
      `01/07/2019 23:40;${code('B2')};'=VS-EXP-MARIA;${MARIA};8.888,88;acquisto;confermato`,
      `10/01/2019 10:00;${code('B1')};VS-EXP-LAURA;${LAURA};7.777,77;acquisto;confermato`,
    ]);
  });

  it('refuses callers without a session', async () => {
    const anonymous = new HttpClient(t.baseUrl);
    expect((await anonymous.api('GET', `/api/vouchers/movements/export?${PERIOD}`)).status).toBe(401);
  });
});

describe('validation', () => {
  const refused = async (query: string) => {
    const r = await farmacia.api('GET', `/api/vouchers/movements/export?${query}`);
    expect(r.status, query).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    return r.body.fields as Record<string, string>;
  };

  it('refuses bad filters with the listing’s messages, and a format it does not know', async () => {
    expect(await refused('')).toEqual({ from: 'Indica la data di inizio del periodo.', to: 'Indica la data di fine del periodo.' });
    expect(await refused('from=2019-01-11&to=2019-01-10')).toEqual({ to: 'La data di fine non può precedere la data di inizio.' });
    expect((await refused('from=2018-01-01&to=2019-01-03')).to).toBe('Il periodo può essere al massimo di 366 giorni.');
    expect((await refused('from=2019-02-30&to=2019-03-01')).from).toBe('La data di inizio non è valida (AAAA-MM-GG).');
    expect((await refused('fiscalCode=RSSLRA91A62')).fiscalCode).toBe('Il codice fiscale deve essere di 16 caratteri.');
    expect(await refused(`${PERIOD}&format=pdf`)).toEqual({ format: 'Formato non valido: scegli csv o xlsx.' });
  });

  it('ignores paging: an export has every row', async () => {
    const r = await download(farmacia, `${PERIOD}&page=abc&pageSize=1`);
    expect(r.status).toBe(200);
    expect(r.bytes.toString('utf8').split('\r\n').slice(1, -1)).toHaveLength(5);
  });
});

describe('API reference', () => {
  it('documents the export with its filters and format', async () => {
    const r = await farmacia.api('GET', '/api/docs/json');
    expect(r.status).toBe(200);
    const parameters = r.body.paths['/api/vouchers/movements/export'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['from', 'to', 'fiscalCode', 'format']));
  });
});

describe('audit', () => {
  it('records who exported what, with which filters, and how many rows left', async () => {
    const before = (await auditRows('voucher.movements.export.end')).length;
    const r = await download(farmacia, `fiscalCode=${LAURA}&from=2019-01-01&to=2019-06-30&format=xlsx`);
    expect(r.status).toBe(200);
    const started = (await auditRows('voucher.movements.export')).at(-1);
    expect(started).toMatchObject({
      actor_name: 'Francesca Gallo',
      structure_name: 'Farmacia Centrale',
      subject_type: 'voucher_movements',
      person_fiscal_code: LAURA,
    });
    expect(started.after).toEqual({ format: 'xlsx', from: '2019-01-01', to: '2019-06-30', fiscalCode: LAURA });
    const ended = (await waitForAudit('voucher.movements.export.end', before + 1)).at(-1);
    expect(ended).toMatchObject({ actor_name: 'Francesca Gallo', person_fiscal_code: LAURA });
    expect(ended.after).toEqual({ format: 'xlsx', from: '2019-01-01', to: '2019-06-30', fiscalCode: LAURA, rows: 3, completed: true });

    // Refused filters export nothing and leave no trace of an export.
    const count = (await auditRows('voucher.movements.export')).length;
    await farmacia.api('GET', '/api/vouchers/movements/export?from=2019-01-11&to=2019-01-10');
    expect(await auditRows('voucher.movements.export')).toHaveLength(count);
  });
});
