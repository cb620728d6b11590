import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { romeDate } from '../../../shared/dates.js';
import { fiscalCodeCheckCharacter } from '../../../shared/fiscal-code.js';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { voucherExpiryDate } from './program.js';
import { beneficiaryFor, CSV_HEADER, csvOf, fiscalCodeFor, healthCardFor } from './test-support.js';
import { addSecondRegion, regionOperator } from './test-regions.js';

let t: TestApp;
let campania: HttpClient;
let basilicata: HttpClient;
let programId: string;

const FACE_VALUE = 100_000;
const VALIDITY = 12;

const upload = (client: HttpClient, text: string | Buffer, name = 'beneficiari.csv', program = programId) =>
  client.upload(`/api/voucher-programs/${program}/imports`, { name, content: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), type: 'text/csv' });

const importUrl = (importId: string, program = programId) => `/api/voucher-programs/${program}/imports/${importId}`;

/** Polls the import as the page does, until it is no longer importing. */
async function finished(client: HttpClient, importId: string, program = programId) {
  for (let i = 0; i < 200; i++) {
    const r = await client.api('GET', importUrl(importId, program));
    if (r.body.status !== 'importing') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

async function vouchersOf(program = programId) {
  return (
    await t.database.pool.query(
      `SELECT code, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone, initial_cents, available_cents,
              to_char(activation_date, 'YYYY-MM-DD') AS activation, to_char(expiry_date, 'YYYY-MM-DD') AS expiry, import_id
         FROM vouchers WHERE program_id = $1 ORDER BY beneficiary_fiscal_code`,
      [program],
    )
  ).rows;
}

async function rejected(importId: string, query = '') {
  return (await campania.api('GET', `${importUrl(importId)}/rejected-rows${query}`)).body;
}

beforeAll(async () => {
  t = await startTestApp();
  const region = await addSecondRegion(t);
  campania = await regionOperator(t, DEMO_PEOPLE.regionOperator.fiscalCode, 'Regione Campania');
  basilicata = await regionOperator(t, region.operatorFiscalCode, region.name);
  const created = await campania.api('POST', '/api/voucher-programs', { name: 'Voucher Secondogeniti 2026', faceValueCents: FACE_VALUE, validityMonths: VALIDITY });
  programId = created.body.program.id;
  // Already in the program before any import: beneficiaries 900 and 901.
  for (const n of [900, 901]) {
    await t.database.pool.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       VALUES ($1, $2, $3, $4, 'Anna', 'Vecchi', '+393330000900', 100000, 100000, '2026-01-01', '2026-12-31')`,
      [`VS-OLD-000${n}`, programId, fiscalCodeFor(n), healthCardFor(n)],
    );
  }
});
afterAll(() => t.close());

describe('importing beneficiaries', () => {
  // Lines: 1 header; 2–4 good; 5 bad codice fiscale; 6 bad tessera; 7 bad phone; 8 bad date; 9 repeats line 2's
  // codice fiscale; 10 repeats line 3's tessera; 11 already in the program; 12 another's tessera in the program;
  // 13 omocodia (good); 14 several problems; 15 a formula in a name.
  const good = [beneficiaryFor(1, '15/03/2026'), beneficiaryFor(2, '2026-01-31'), beneficiaryFor(3, '01/01/2026')];
  const omocodia = (() => {
    const base = fiscalCodeFor(13).slice(0, 14) + 'V'; // the last digit of the town code, 9 → V
    return { ...beneficiaryFor(13), fiscalCode: base + fiscalCodeCheckCharacter(base) };
  })();
  const file = csvOf([
    ...good,
    { ...beneficiaryFor(5), fiscalCode: `${fiscalCodeFor(5).slice(0, 15)}${fiscalCodeFor(5).endsWith('A') ? 'B' : 'A'}` },
    { ...beneficiaryFor(6), healthCard: '1234' },
    { ...beneficiaryFor(7), mobile: '081 5551234' },
    { ...beneficiaryFor(8), activation: '31/02/2026' },
    { ...beneficiaryFor(9), fiscalCode: fiscalCodeFor(1) },
    { ...beneficiaryFor(10), healthCard: healthCardFor(2) },
    beneficiaryFor(900),
    { ...beneficiaryFor(12), healthCard: healthCardFor(901) },
    omocodia,
    ['ABC', '', 'Maria', '', '', ''],
    { ...beneficiaryFor(15), givenName: '=HYPERLINK("http://x")' },
  ]);
  let importId: string;

  it('previews the file: counts, and each rejected row with its line and reasons', async () => {
    const r = await upload(campania, file, 'beneficiari marzo.csv');
    expect(r.status).toBe(201);
    importId = r.body.id;
    expect(r.body).toMatchObject({ status: 'preview', fileName: 'beneficiari marzo.csv', totalRows: 14, validRows: 4, rejectedRows: 10, progress: 0 });

    const page = await rejected(importId);
    expect(page.total).toBe(10);
    expect(page.items.map((row: { line: number; reasons: string[] }) => [row.line, row.reasons])).toEqual([
      [5, ['Il codice fiscale non è valido: il carattere di controllo non corrisponde.']],
      [6, ['Il numero della tessera sanitaria deve avere 20 cifre.']],
      [7, ['Il cellulare non è un numero di cellulare italiano valido (es. 333 1234567 o +39 333 1234567).']],
      [8, ['La data di attivazione non è valida: usa il formato gg/mm/aaaa (es. 15/03/2026).']],
      [9, ['Codice fiscale ripetuto nel file (già alla riga 2).']],
      [10, ['Tessera sanitaria ripetuta nel file (già alla riga 3).']],
      [11, ['Beneficiario già presente nel programma: il voucher è già stato emesso.']],
      [12, ['Tessera sanitaria già presente nel programma per un altro beneficiario.']],
      [
        14,
        [
          'Il codice fiscale deve essere di 16 caratteri.',
          'Numero della tessera sanitaria mancante.',
          'Cognome mancante.',
          'Cellulare mancante.',
          'Data di attivazione mancante.',
        ],
      ],
      [15, ['Il nome contiene caratteri non ammessi.']],
    ]);
    expect(page.items[0]).toMatchObject({ fiscalCode: expect.stringMatching(/^[A-Z0-9]{16}$/), givenName: 'Maria', mobilePhone: '+393330000005' });

    // Paginated.
    const second = await rejected(importId, '?page=2&pageSize=4');
    expect(second.items.map((row: { line: number }) => row.line)).toEqual([9, 10, 11, 12]);
    expect(second).toMatchObject({ total: 10, page: 2, pageSize: 4 });

    // Nothing issued yet.
    expect(await vouchersOf()).toHaveLength(2);
    const [entry] = (await t.database.pool.query("SELECT after FROM audit_log WHERE action = 'voucher.import.upload'")).rows;
    expect(entry.after).toMatchObject({ fileName: 'beneficiari marzo.csv', totalRows: 14, validRows: 4, rejectedRows: 10 });
  });

  it('"Conferma importazione" issues one voucher per valid row, in the background, to completion', async () => {
    const confirmed = await campania.api('POST', `${importUrl(importId)}/confirm`);
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.status).toBe('importing');
    const done = await finished(campania, importId);
    expect(done).toMatchObject({ status: 'completed', validRows: 4, processedRows: 4, issuedRows: 4, skippedRows: 0, progress: 100 });

    const year = romeDate(t.simulatedClock.now()).slice(0, 4);
    const issued = (await vouchersOf()).filter((v) => v.import_id === importId);
    expect(issued.map((v) => v.beneficiary_fiscal_code).sort()).toEqual([...good.map((g) => g.fiscalCode), omocodia.fiscalCode].sort());
    for (const v of issued) {
      expect(v.code).toMatch(new RegExp(`^VS-${year}-\\d{6}$`));
      expect([Number(v.initial_cents), Number(v.available_cents)]).toEqual([FACE_VALUE, FACE_VALUE]);
      expect(v.expiry).toBe(voucherExpiryDate(v.activation, VALIDITY));
    }
    expect(new Set(issued.map((v) => v.code)).size).toBe(4);
    const first = issued.find((v) => v.beneficiary_fiscal_code === good[0]!.fiscalCode)!;
    expect(first).toMatchObject({ activation: '2026-03-15', expiry: '2027-03-14', mobile_phone: good[0]!.mobile, health_card_number: good[0]!.healthCard });
    expect(issued.find((v) => v.beneficiary_fiscal_code === good[1]!.fiscalCode)).toMatchObject({ activation: '2026-01-31', expiry: '2027-01-30' });

    const audit = (await t.database.pool.query("SELECT action, actor_name, after FROM audit_log WHERE action LIKE 'voucher.import.%' ORDER BY occurred_at, id")).rows;
    expect(audit.find((a) => a.action === 'voucher.import.confirm')).toMatchObject({
      actor_name: 'Luca Romano',
      after: { programId, fileName: 'beneficiari marzo.csv', totalRows: 14, validRows: 4, rejectedRows: 10 },
    });
    expect(audit.find((a) => a.action === 'voucher.import.complete')).toMatchObject({ after: { issuedRows: 4, skippedRows: 0, rejectedRows: 10 } });

    // The program's detail lists the import; confirming again changes nothing.
    const detail = await campania.api('GET', `/api/voucher-programs/${programId}`);
    expect(detail.body.program.voucherCount).toBe(6);
    expect(detail.body.imports[0]).toMatchObject({ id: importId, status: 'completed', issuedRows: 4 });
    const again = await campania.api('POST', `${importUrl(importId)}/confirm`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('completed');
    expect(await vouchersOf()).toHaveLength(6);
  });

  it('downloads the report of the rejected rows: CSV for Italian Excel, with the reason, formulas defused', async () => {
    const response = await campania.raw('GET', `${importUrl(importId)}/rejected-rows.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="righe-scartate-beneficiari_marzo.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Riga;Codice fiscale;Numero tessera sanitaria;Nome;Cognome;Cellulare;Data di attivazione;Motivo');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^5;[A-Z0-9]{16};80380000000000000005;Maria;Rossi [A-Z]+;\+393330000005;15\/03\/2026;Il codice fiscale non è valido/);
    expect(lines[9]).toBe('14;ABC;;Maria;;;;Il codice fiscale deve essere di 16 caratteri. Numero della tessera sanitaria mancante. Cognome mancante. Cellulare mancante. Data di attivazione mancante.');
    expect(lines[10]).toContain(`;"'=HYPERLINK(""http://x"")";`);
    const [entry] = (await t.database.pool.query("SELECT subject_id FROM audit_log WHERE action = 'voucher.import.report'")).rows;
    expect(entry.subject_id).toBe(importId);
  });

  it('re-running the same file issues nothing twice: its rows are already in the program', async () => {
    const r = await upload(campania, file, 'beneficiari marzo.csv');
    expect(r.body).toMatchObject({ status: 'preview', totalRows: 14, validRows: 0, rejectedRows: 14 });
    const page = await rejected(r.body.id, '?pageSize=100');
    const line2 = page.items.find((row: { line: number }) => row.line === 2);
    expect(line2.reasons).toEqual(['Beneficiario già presente nel programma: il voucher è già stato emesso.']);
    const confirm = await campania.api('POST', `${importUrl(r.body.id)}/confirm`);
    expect(confirm.status).toBe(422);
    expect(confirm.body.detail).toBe('Nessuna riga valida da importare: tutte le righe sono state scartate.');
    expect(await vouchersOf()).toHaveLength(6);
  });

  it('two previews of one file confirmed one after the other: the second finds the rows issued and reports them', async () => {
    const text = csvOf([beneficiaryFor(21), beneficiaryFor(22)]);
    const a = (await upload(campania, text)).body;
    const b = (await upload(campania, text)).body;
    expect([a.validRows, b.validRows]).toEqual([2, 2]);
    await campania.api('POST', `${importUrl(a.id)}/confirm`);
    expect(await finished(campania, a.id)).toMatchObject({ issuedRows: 2, skippedRows: 0 });
    await campania.api('POST', `${importUrl(b.id)}/confirm`);
    expect(await finished(campania, b.id)).toMatchObject({ status: 'completed', processedRows: 2, issuedRows: 0, skippedRows: 2, progress: 100 });
    expect((await rejected(b.id)).items.map((row: { line: number; reasons: string[] }) => [row.line, row.reasons[0]])).toEqual([
      [2, 'Beneficiario già presente nel programma: il voucher è già stato emesso.'],
      [3, 'Beneficiario già presente nel programma: il voucher è già stato emesso.'],
    ]);
    const rows = await vouchersOf();
    expect(rows.filter((v) => v.beneficiary_fiscal_code === fiscalCodeFor(21))).toHaveLength(1);
    expect(rows).toHaveLength(8);
  });

  it('"," files, with BOM, and the header in any order are read alike', async () => {
    const header = [...CSV_HEADER].reverse();
    const b = beneficiaryFor(31);
    const text = `\uFEFF${csvOf([[b.activation, b.mobile, b.familyName, b.givenName, b.healthCard, b.fiscalCode]], ',', header)}`;
    const r = await upload(campania, text);
    expect(r.body).toMatchObject({ totalRows: 1, validRows: 1, rejectedRows: 0 });
  });

  it('refuses a file that cannot be a beneficiaries list, leaving nothing behind', async () => {
    const count = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM voucher_imports')).rows[0].n;
    const before = await count();
    const noHeader = await upload(campania, csvOf([beneficiaryFor(41)]).split('\r\n').slice(1).join('\r\n'));
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.code).toBe('import_header_invalid');
    const missing = await upload(campania, 'codice fiscale;nome;cognome;cellulare\n');
    expect(missing.body.detail).toBe('Mancano le colonne «numero tessera sanitaria», «data di attivazione».');
    const excel = await upload(campania, csvOf([beneficiaryFor(41)]), 'beneficiari.xlsx');
    expect(excel.status).toBe(415);
    expect(excel.body.detail).toBe('Il file deve essere in formato CSV (estensione .csv).');
    const empty = await upload(campania, '');
    expect(empty.status).toBe(422);
    const notMultipart = await campania.api('POST', `/api/voucher-programs/${programId}/imports`, {});
    expect(notMultipart.status).toBe(422);
    expect(notMultipart.body.detail).toBe('Allega il file CSV dei beneficiari.');
    expect(await count()).toBe(before);
    expect(await vouchersOf()).toHaveLength(8);
  });

  it('refuses a file over 20 MB with its limit, leaving nothing behind', async () => {
    // Long rows (a note column, ignored), so that the size and not the number of rows is what is too much.
    const row = `${beneficiaryFor(51).fiscalCode};${beneficiaryFor(51).healthCard};Maria;Rossi;3330000051;15/03/2026;${'x'.repeat(300)}\r\n`;
    const big = Buffer.from(csvOf([], ';', [...CSV_HEADER, 'note']) + row.repeat(Math.ceil((20 * 1024 * 1024 + 1) / row.length)), 'utf8');
    const r = await upload(campania, big);
    expect(r.status).toBe(413);
    expect(r.body.detail).toBe('Il file supera 20 MB: dividilo in più file.');
    expect((await t.database.pool.query("SELECT count(*)::int AS n FROM voucher_imports WHERE status = 'uploading'")).rows[0].n).toBe(0);
    // The connection is fine afterwards.
    expect((await campania.api('GET', `/api/voucher-programs/${programId}`)).status).toBe(200);
  });

  it('"Annulla" drops a preview and its rows; it can no longer be confirmed', async () => {
    const r = (await upload(campania, csvOf([beneficiaryFor(61)]))).body;
    const discard = await campania.api('POST', `${importUrl(r.id)}/discard`);
    expect(discard.status).toBe(204);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM voucher_import_rows WHERE import_id = $1', [r.id])).rows[0].n).toBe(0);
    const confirm = await campania.api('POST', `${importUrl(r.id)}/confirm`);
    expect(confirm.status).toBe(409);
    expect(await vouchersOf()).toHaveLength(8);
  });

  it('takes over an import whose worker died: looking at it is enough', async () => {
    const r = (await upload(campania, csvOf([beneficiaryFor(71), beneficiaryFor(72), beneficiaryFor(73)]))).body;
    // As if it had been confirmed and its process had died before the first batch, its lease lapsed.
    await t.database.pool.query(
      "UPDATE voucher_imports SET status = 'importing', code_year = '2026', confirmed_at = now(), lease_token = gen_random_uuid(), lease_until = now() - interval '1 second' WHERE id = $1",
      [r.id],
    );
    expect(await finished(campania, r.id)).toMatchObject({ status: 'completed', issuedRows: 3 });
    expect(await vouchersOf()).toHaveLength(11);
  });

  it('another region reaches none of these imports, nor uploads to the program', async () => {
    const attempts = [
      await basilicata.api('GET', importUrl(importId)),
      await basilicata.api('GET', `${importUrl(importId)}/rejected-rows`),
      await basilicata.api('POST', `${importUrl(importId)}/confirm`),
      await basilicata.api('POST', `${importUrl(importId)}/discard`),
      await upload(basilicata, csvOf([beneficiaryFor(81)])),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain(fiscalCodeFor(5).slice(0, 6));
    }
    const report = await basilicata.raw('GET', `${importUrl(importId)}/rejected-rows.csv`);
    expect(report.status).toBe(404);
    expect(await vouchersOf()).toHaveLength(11);
  });
});
