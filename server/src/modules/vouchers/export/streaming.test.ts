import { request as httpRequest } from 'node:http';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import type { VoucherTables } from '../vouchers.tables.js';
import { encodeMovements, type ExportFormat, type ExportOutcome } from './export-movements.js';
import type { ExportRow } from './export-row.js';
import { readMovementBatches } from './movement-batches.js';

/**
 * "1,000,000 movements export without holding them in memory": these tests would fail if the
 * export read everything before writing, or kept reading while nobody takes the bytes.
 */
const TOTAL = 60_000;
const BATCH = 500;
const FILTERS = { from: '2019-06-01', to: '2019-06-30' };

let t: TestApp;
let db: Kysely<VoucherTables>;
let merchantId: string;

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.kysely;
  const pool = t.database.pool;
  merchantId = (await pool.query("SELECT id FROM organisations WHERE name = 'Farmacia Centrale'")).rows[0].id;
  const program = (await pool.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id")).rows[0].id;
  const voucher = (
    await pool.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       VALUES ('VS-STREAM-1', $1, $2, '80380000000000000031', 'Laura', 'Russo', '+393331000013', 25000, 25000, '2019-01-01', '2020-12-31') RETURNING id`,
      [program, DEMO_PEOPLE.secondCitizen.fiscalCode],
    )
  ).rows[0].id;
  // One movement every 30 seconds from 1 June 2019 (Rome): 60,000 of them fill 20.8 days.
  await pool.query(
    `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, idempotency_key, created_by, created_at)
     SELECT $1, $2, 'acquisto', 'confermato', 100 + i % 5000, 'stream-' || i, gen_random_uuid(), '2019-06-01 00:00:00+02'::timestamptz + i * interval '30 seconds'
       FROM generate_series(1, $3::int) AS i`,
    [voucher, merchantId, TOTAL],
  );
  await pool.query('ANALYZE voucher_movements');
});
afterAll(() => t.close());

/** The real batch reader, counting the batches it has read (the queries it has run). */
function countedExport(format: ExportFormat) {
  const seen = { batches: 0, finished: false };
  let ended: (outcome: ExportOutcome) => void;
  const outcome = new Promise<ExportOutcome>((resolve) => (ended = resolve));
  async function* batches(signal: AbortSignal): AsyncGenerator<ExportRow[]> {
    for await (const batch of readMovementBatches(db, merchantId, FILTERS, { signal, batchSize: BATCH })) {
      seen.batches += 1;
      yield batch;
    }
    seen.finished = true;
  }
  const stream = encodeMovements(batches, format, { created: new Date(0), onEnd: (o) => ended(o) });
  return { seen, stream, outcome };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The counter once it has not moved for 300 ms (the compressor runs on other threads), at most 3 s. */
async function settled(count: () => number): Promise<number> {
  let last = count();
  for (let still = 0, waited = 0; still < 6 && waited < 3000; waited += 50) {
    await pause(50);
    still = count() === last ? still + 1 : 0;
    last = count();
  }
  return last;
}

async function readAll(iterator: AsyncIterator<Buffer>, first: Buffer): Promise<Buffer> {
  const chunks = [first];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) chunks.push(next.value);
  return Buffer.concat(chunks);
}

async function firstChunk(stream: Readable) {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  return { iterator, first: first.value as Buffer };
}

describe.each(['csv', 'xlsx'] as const)('%s export', (format) => {
  it('sends its first bytes long before the last batch is read, and reads no further while the reader waits', async () => {
    const { seen, stream, outcome } = countedExport(format);
    const { iterator, first } = await firstChunk(stream);
    expect(first.length).toBeGreaterThan(0);
    // Time enough to read everything if nothing held it back (a whole export takes about a second).
    const ahead = await settled(() => seen.batches);
    expect(seen.finished).toBe(false);
    // CSV: the batch in hand and a few waiting; XLSX: also what waits before and after the compressor.
    expect(ahead).toBeLessThan(format === 'csv' ? 6 : 40);

    const file = await readAll(iterator, first);
    expect(seen.finished).toBe(true);
    expect(seen.batches).toBe(TOTAL / BATCH);
    expect(await outcome).toEqual({ rows: TOTAL, completed: true });
    if (format === 'csv') expect(file.toString('utf8').split('\r\n')).toHaveLength(TOTAL + 2);
    else expect(file.subarray(0, 2).toString()).toBe('PK');
  });

  it('stops reading when its reader goes away', async () => {
    const { seen, stream, outcome } = countedExport(format);
    await firstChunk(stream);
    stream.destroy();
    const ended = await outcome;
    expect(ended.completed).toBe(false);
    expect(ended.rows).toBeLessThan(TOTAL);
    const atDestroy = seen.batches;
    await pause(100); // the query in flight, if any, ends; no other starts
    const stopped = seen.batches;
    expect(stopped).toBeLessThanOrEqual(atDestroy + 1);
    await pause(100);
    expect(seen.batches).toBe(stopped);
    expect(seen.finished).toBe(false);
  });
});

describe('over HTTP', () => {
  it('stops the export when the client disconnects, and the audit says how far it went', async () => {
    const farmacia = new HttpClient(t.baseUrl);
    await farmacia.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    const cookie = [...farmacia.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const url = new URL(`/api/vouchers/movements/export?from=${FILTERS.from}&to=${FILTERS.to}`, t.baseUrl);

    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(url, { headers: { cookie } }, (response) => {
        expect(response.statusCode).toBe(200);
        response.once('data', () => {
          response.pause(); // a slow client: the server must wait for it, then notice it left
          setTimeout(() => {
            request.destroy();
            resolve();
          }, 200);
        });
      });
      request.on('error', (error) => ((error as { code?: string }).code === 'ECONNRESET' ? undefined : reject(error)));
      request.end();
    });

    let ended: { after: { rows: number; completed: boolean } } | undefined;
    for (let i = 0; i < 100 && !ended; i++) {
      ended = (await t.database.pool.query("SELECT after FROM audit_log WHERE action = 'voucher.movements.export.end'")).rows[0];
      if (!ended) await pause(20);
    }
    expect(ended?.after.completed).toBe(false);
    expect(ended?.after.rows).toBeLessThan(TOTAL);
  });
});
