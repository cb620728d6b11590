import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock/clock.js';
import { romeDate } from '../../../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.js';
import type { VoucherTables } from '../vouchers.tables.js';
import { ImportRunner } from './import-runner.js';
import { ImportsRepository } from './imports.repository.js';
import { voucherExpiryDate } from './program.js';
import { stageImport } from './stage-import.js';
import { beneficiaryFor, csvOf } from './test-support.js';

let database: TestDatabase;
let db: Kysely<VoucherTables>;
let programId: string;
const clock = new ManualClock(new Date('2026-03-10T10:00:00Z'));
const USER = '00000000-0000-4000-8000-000000000001';
let serial = 0;

/** A confirmed import of `rows` new beneficiaries, ready for the runner. */
async function confirmedImport(rows: number): Promise<string> {
  const file = csvOf(Array.from({ length: rows }, () => beneficiaryFor(++serial)));
  const summary = await stageImport(db, clock, { programId, fileName: 'b.csv', uploadedBy: USER, content: Readable.from([Buffer.from(file)]) });
  await db.transaction().execute((trx) => new ImportsRepository(db).confirm(trx, summary.id, { by: USER, at: clock.now(), codeYear: '2026' }));
  return summary.id;
}

const state = (id: string) => db.selectFrom('voucher_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const issuedBy = async (id: string) =>
  (await database.pool.query('SELECT code, beneficiary_fiscal_code FROM vouchers WHERE import_id = $1 ORDER BY code', [id])).rows as { code: string; beneficiary_fiscal_code: string }[];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.kysely;
  programId = (await database.pool.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('P', 50000, 6) RETURNING id")).rows[0].id;
});
afterAll(() => database.drop());

describe('the import runner', () => {
  it('issues in batches, each committed with the progress it made', async () => {
    const id = await confirmedImport(25);
    const progress: number[] = [];
    const runner = new ImportRunner({ db, clock, batchSize: 10, afterBatch: async () => void progress.push((await state(id)).processed_rows) });
    await runner.run(id);
    expect(progress).toEqual([10, 20, 25]);
    expect(await state(id)).toMatchObject({ status: 'completed', processed_rows: 25, issued_rows: 25, skipped_rows: 0, lease_token: null });
    const vouchers = await issuedBy(id);
    expect(vouchers).toHaveLength(25);
    expect(new Set(vouchers.map((v) => v.code)).size).toBe(25);
    for (const v of vouchers) expect(v.code).toMatch(/^VS-2026-\d{6}$/);
  });

  it('survives a worker that dies mid-way: another takes over from its cursor once the lease lapses, and the dead one can no longer write', async () => {
    const id = await confirmedImport(30);
    let unfreeze!: () => void;
    const frozen = new Promise<void>((resolve) => {
      unfreeze = resolve;
    });
    let reachedSecond!: () => void;
    const atSecond = new Promise<void>((resolve) => {
      reachedSecond = resolve;
    });
    // Worker A stops answering after its second batch (a process frozen or killed).
    const a = new ImportRunner({
      db,
      clock,
      batchSize: 10,
      afterBatch: async (_id, batch) => {
        if (batch === 2) {
          reachedSecond();
          await frozen;
        }
      },
    });
    const runA = a.run(id);
    await atSecond;
    expect(await state(id)).toMatchObject({ status: 'importing', processed_rows: 20, cursor_line: 21 });
    expect(await issuedBy(id)).toHaveLength(20);

    // While A's lease holds, nobody else takes the import.
    const b = new ImportRunner({ db, clock, batchSize: 10 });
    expect(await b.resumeStalled()).toBe(0);
    // The lease lapses (A stopped renewing it): B takes over and finishes from line 22.
    await database.pool.query("UPDATE voucher_imports SET lease_until = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await b.resumeStalled()).toBe(1);
    await b.idle();
    expect(await state(id)).toMatchObject({ status: 'completed', processed_rows: 30, issued_rows: 30 });

    // A wakes up: it finds its lease gone and stops without writing anything.
    unfreeze();
    await runA;
    const vouchers = await issuedBy(id);
    expect(vouchers).toHaveLength(30);
    expect(new Set(vouchers.map((v) => v.beneficiary_fiscal_code)).size).toBe(30);
    expect((await state(id)).processed_rows).toBe(30);
  });

  it('a batch that fails leaves nothing of itself; the import is retried from its cursor', async () => {
    const id = await confirmedImport(12);
    let failed = false;
    const runner = new ImportRunner({
      db,
      clock,
      batchSize: 5,
      afterBatch: (_id, batch) => {
        if (batch === 1 && !failed) {
          failed = true;
          throw new Error('connection lost');
        }
      },
    });
    await expect(runner.run(id)).rejects.toThrow('connection lost');
    expect(await state(id)).toMatchObject({ status: 'importing', processed_rows: 5, failures: 1, last_error: 'connection lost', lease_token: null });
    expect(await runner.resumeStalled()).toBe(1);
    await runner.idle();
    expect(await state(id)).toMatchObject({ status: 'completed', processed_rows: 12, issued_rows: 12 });
    expect(await issuedBy(id)).toHaveLength(12);
  });

  it('an "ID Voucher" taken outside the sequence rolls the batch back and it runs again with new numbers', async () => {
    const id = await confirmedImport(4);
    const next = Number((await database.pool.query("SELECT last_value FROM voucher_code_seq")).rows[0].last_value) + 1;
    const taken = `VS-2026-${String(next).padStart(6, '0')}`;
    await database.pool.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone, initial_cents, available_cents, activation_date, expiry_date)
       VALUES ($1, $2, 'ZZZZZZ80A01F839X', '1', 'A', 'B', '+393330000000', 1, 1, '2026-01-01', '2026-12-31')`,
      [taken, programId],
    );
    await new ImportRunner({ db, clock, batchSize: 10 }).run(id);
    expect(await state(id)).toMatchObject({ status: 'completed', issued_rows: 4 });
    const codes = (await issuedBy(id)).map((v) => v.code);
    expect(codes).toHaveLength(4);
    expect(codes).not.toContain(taken);
  });

  it('after five failures the import is marked failed and no longer retried', async () => {
    const id = await confirmedImport(10);
    const runner = new ImportRunner({
      db,
      clock,
      batchSize: 1,
      afterBatch: () => {
        throw new Error('always');
      },
    });
    for (let i = 0; i < 5; i++) await runner.run(id).catch(() => {});
    expect(await state(id)).toMatchObject({ status: 'failed', failures: 5 });
    expect(await runner.resumeStalled()).toBe(0);
  });

  it('stop() finishes the batch in flight and gives the lease back for another to resume', async () => {
    const id = await confirmedImport(6);
    const runner: ImportRunner = new ImportRunner({ db, clock, batchSize: 2, afterBatch: (_id, batch): Promise<void> | undefined => (batch === 1 ? runner.stop() : undefined) });
    await runner.run(id);
    expect(await state(id)).toMatchObject({ status: 'importing', processed_rows: 2, lease_token: null });
    const other = new ImportRunner({ db, clock, batchSize: 2 });
    await other.resumeStalled();
    await other.idle();
    expect(await state(id)).toMatchObject({ status: 'completed', processed_rows: 6 });
  });

  it('the SQL expiry rule (voucher_expiry_date) is the documented one, for every day of five years', async () => {
    const { rows } = await database.pool.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS activation, m AS months, to_char(voucher_expiry_date(d::date, m), 'YYYY-MM-DD') AS expiry
         FROM generate_series('2024-01-01'::date, '2028-12-31'::date, interval '1 day') d, unnest(ARRAY[1, 6, 12, 13, 24]) m`,
    );
    expect(rows.length).toBe(1827 * 5);
    const wrong = rows.filter((r) => r.expiry !== voucherExpiryDate(r.activation, r.months));
    expect(wrong).toEqual([]);
    expect(romeDate(clock.now())).toBe('2026-03-10');
  });
});
