import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { regionOperator } from './test-regions.js';

/** The README invites a new user to import docs/esempi/beneficiari-esempio.csv: it must do what the README says. */
const EXAMPLE = readFileSync(resolve('docs/esempi/beneficiari-esempio.csv'));

let t: TestApp;
let campania: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  campania = await regionOperator(t, DEMO_PEOPLE.regionOperator.fiscalCode, 'Regione Campania');
});
afterAll(() => t.close());

describe('the example beneficiaries file of the README', () => {
  it('has five valid rows and five to reject, one per kind of mistake, and issues nothing the second time', async () => {
    const program = (await campania.api('POST', '/api/voucher-programs', { name: 'Prova', faceValueCents: 100_000, validityMonths: 12 })).body.program.id;
    const first = await campania.upload(`/api/voucher-programs/${program}/imports`, { name: 'beneficiari-esempio.csv', content: EXAMPLE, type: 'text/csv' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ totalRows: 10, validRows: 5, rejectedRows: 5 });
    const reasons = (await campania.api('GET', `/api/voucher-programs/${program}/imports/${first.body.id}/rejected-rows`)).body.items.map(
      (row: { reasons: string[] }) => row.reasons.join(' '),
    );
    expect(reasons).toEqual([
      expect.stringMatching(/carattere di controllo/),
      expect.stringMatching(/tessera sanitaria deve avere 20 cifre/),
      expect.stringMatching(/cellulare/i),
      expect.stringMatching(/data di attivazione/i),
      expect.stringMatching(/ripetuto nel file/),
    ]);
    expect((await campania.api('POST', `/api/voucher-programs/${program}/imports/${first.body.id}/confirm`)).status).toBeLessThan(300);
    for (let i = 0; i < 200; i++) {
      const state = (await campania.api('GET', `/api/voucher-programs/${program}/imports/${first.body.id}`)).body;
      if (state.status !== 'importing') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const issued = await t.database.pool.query('SELECT count(*)::int AS n FROM vouchers WHERE program_id = $1', [program]);
    expect(issued.rows[0].n).toBe(5);

    const again = await campania.upload(`/api/voucher-programs/${program}/imports`, { name: 'beneficiari-esempio.csv', content: EXAMPLE, type: 'text/csv' });
    expect(again.body).toMatchObject({ validRows: 0, rejectedRows: 10 });
  });
});
