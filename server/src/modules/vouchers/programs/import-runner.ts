/**
 * Issues the vouchers of a confirmed import in the background, in batches: each batch is one
 * transaction that issues its vouchers (INSERT … SELECT from the staged rows) and moves the
 * import's cursor, so a crash loses at most the batch in flight, which simply never happened.
 *
 * Whoever works an import holds a lease renewed at every batch. A process that dies stops renewing
 * it; once it lapses any instance takes the import over from its cursor — the periodic job
 * `resumeStalled` does, and so does anyone looking at the import (the page polls it). The unique
 * (program, codice fiscale) of vouchers makes issuing twice impossible whatever happens.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../../core/clock/clock.js';
import { recordAudit } from '../../../core/audit/audit.js';
import type { AnyDb } from '../../../platform/db/database.js';
import type { VoucherTables } from '../vouchers.tables.js';
import { ALREADY_IN_PROGRAM_MESSAGE, CROSS_ROW_REASONS } from './imports.repository.js';

export interface ImportRunnerOptions {
  db: AnyDb;
  clock: Clock;
  /** Valid rows per transaction. */
  batchSize?: number;
  /** How long a lease lasts without renewal; a batch takes well under a second. */
  leaseSeconds?: number;
  log?: { error(o: object, m: string): void };
  /** Tests: called after each committed batch (throwing there stops the run like a crash would). */
  afterBatch?: (importId: string, batch: number) => Promise<void> | void;
}

export interface BatchResult {
  rows: number;
  issued: number;
  skipped: number;
}

/** Thrown when the lease was taken over by another worker: this one stops. */
class LeaseLost extends Error {}

const MAX_FAILURES = 5;
const MAX_CODE_RETRIES = 5;

export class ImportRunner {
  private readonly db: Kysely<VoucherTables>;
  private readonly batchSize: number;
  private readonly leaseSeconds: number;
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: ImportRunnerOptions) {
    this.db = options.db;
    this.batchSize = options.batchSize ?? 5000;
    this.leaseSeconds = options.leaseSeconds ?? 30;
  }

  /** Starts working the import in the background unless this process already is (or it is not due). */
  kick(importId: string): void {
    if (this.stopped || this.running.has(importId)) return;
    const work = this.run(importId)
      .catch((error: unknown) => this.options.log?.error({ err: error, importId }, 'voucher import failed'))
      .finally(() => this.running.delete(importId));
    this.running.set(importId, work);
  }

  /** Resolves when nothing started by this process is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Finishes the batch in flight, gives the leases back, starts nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  /** The periodic job: takes over every import left with a lapsed lease. Returns how many it kicked. */
  async resumeStalled(): Promise<number> {
    const rows = await this.db
      .selectFrom('voucher_imports')
      .select('id')
      .where('status', '=', 'importing')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .execute();
    for (const row of rows) this.kick(row.id);
    return rows.length;
  }

  /** Works the import to its end, if its lease is free; returns when done, stopped or taken over. */
  async run(importId: string): Promise<void> {
    const token = randomUUID();
    if (!(await this.claim(importId, token))) return;
    let batch = 0;
    let codeRetries = 0;
    try {
      for (;;) {
        if (this.stopped) {
          await this.release(importId, token);
          return;
        }
        let result: BatchResult;
        try {
          result = await this.processBatch(importId, token);
        } catch (error) {
          // Another "ID Voucher" written outside this sequence took the number: the batch rolled back
          // and runs again with new numbers.
          if (isCodeCollision(error) && codeRetries++ < MAX_CODE_RETRIES) continue;
          throw error;
        }
        if (result.rows === 0) {
          await this.complete(importId, token);
          return;
        }
        batch++;
        await this.options.afterBatch?.(importId, batch);
      }
    } catch (error) {
      if (error instanceof LeaseLost) return;
      await this.recordFailure(importId, token, error);
      throw error;
    }
  }

  private async claim(importId: string, token: string): Promise<boolean> {
    const row = await this.db
      .updateTable('voucher_imports')
      .set({ lease_token: token, lease_until: sql<Date>`now() + make_interval(secs => ${this.leaseSeconds})` })
      .where('id', '=', importId)
      .where('status', '=', 'importing')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The import row, locked, if this worker still holds its lease. */
  private async lockOwned(trx: Kysely<VoucherTables>, importId: string, token: string) {
    const row = await trx
      .selectFrom('voucher_imports')
      .select(['cursor_line', 'status', 'lease_token'])
      .where('id', '=', importId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.status !== 'importing' || row.lease_token !== token) throw new LeaseLost();
    return row;
  }

  /**
   * One batch, one transaction: the next `batchSize` valid rows after the cursor become vouchers
   * (face value and validity of the program; expiry by voucher_expiry_date); rows whose beneficiary
   * the program got meanwhile (another file) are marked "already in the program".
   */
  async processBatch(importId: string, token: string): Promise<BatchResult> {
    return this.db.transaction().execute(async (trx) => {
      const { cursor_line } = await this.lockOwned(trx, importId, token);
      const result = await sql<{ rows: number; last_line: number | null; issued: number; skipped: number }>`
        WITH imp AS (
          SELECT i.id, i.program_id, i.code_year, p.face_value_cents, p.validity_months
            FROM voucher_imports i JOIN voucher_programs p ON p.id = i.program_id
           WHERE i.id = ${importId}
        ), batch AS (
          SELECT r.line_number, r.fiscal_code, r.health_card_number, r.given_name, r.family_name, r.mobile_phone, r.activation_date
            FROM voucher_import_rows r
           WHERE r.import_id = ${importId} AND NOT r.rejected AND r.line_number > ${cursor_line}
           ORDER BY r.line_number
           LIMIT ${this.batchSize}
        ), issued AS (
          INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                                initial_cents, available_cents, activation_date, expiry_date, import_id)
          SELECT 'VS-' || imp.code_year || '-' || lpad(nextval('voucher_code_seq')::text, 6, '0'), imp.program_id, b.fiscal_code,
                 b.health_card_number, b.given_name, b.family_name, b.mobile_phone, imp.face_value_cents, imp.face_value_cents,
                 b.activation_date, voucher_expiry_date(b.activation_date, imp.validity_months), imp.id
            FROM batch b CROSS JOIN imp
          ON CONFLICT (program_id, beneficiary_fiscal_code) DO NOTHING
          RETURNING beneficiary_fiscal_code
        ), skipped AS (
          UPDATE voucher_import_rows r
             SET reason_codes = ARRAY[${CROSS_ROW_REASONS.alreadyInProgram}::text], reasons = ARRAY[${ALREADY_IN_PROGRAM_MESSAGE}::text]
            FROM batch b
           WHERE r.import_id = ${importId} AND r.line_number = b.line_number
             AND NOT EXISTS (SELECT 1 FROM issued i WHERE i.beneficiary_fiscal_code = b.fiscal_code)
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM batch)::int AS rows, (SELECT max(line_number) FROM batch) AS last_line,
               (SELECT count(*) FROM issued)::int AS issued, (SELECT count(*) FROM skipped)::int AS skipped
      `.execute(trx);
      const { rows, last_line, issued, skipped } = result.rows[0]!;
      if (rows > 0) {
        await trx
          .updateTable('voucher_imports')
          .set((eb) => ({
            cursor_line: last_line!,
            processed_rows: eb('processed_rows', '+', rows),
            issued_rows: eb('issued_rows', '+', issued),
            skipped_rows: eb('skipped_rows', '+', skipped),
            lease_until: sql<Date>`now() + make_interval(secs => ${this.leaseSeconds})`,
          }))
          .where('id', '=', importId)
          .execute();
      }
      return { rows, issued, skipped };
    });
  }

  private async complete(importId: string, token: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOwned(trx, importId, token);
      const done = await trx
        .updateTable('voucher_imports as i')
        .set({ status: 'completed', completed_at: this.options.clock.now(), lease_token: null, lease_until: null })
        .where('i.id', '=', importId)
        .returning(['i.program_id', 'i.valid_rows', 'i.issued_rows', 'i.skipped_rows', 'i.rejected_rows', 'i.total_rows'])
        .executeTakeFirstOrThrow();
      const program = await trx.selectFrom('voucher_programs').select(['region_structure_id']).where('id', '=', done.program_id).executeTakeFirstOrThrow();
      // Done by the platform on behalf of whoever confirmed (that confirmation is audited with its person).
      await recordAudit(
        trx,
        { userId: null, name: null, structureId: program.region_structure_id, structureName: null, ip: null },
        {
          action: 'voucher.import.complete',
          subject: { type: 'voucher_import', id: importId },
          after: {
            programId: done.program_id,
            totalRows: done.total_rows,
            rejectedRows: done.rejected_rows,
            issuedRows: done.issued_rows,
            skippedRows: done.skipped_rows,
          },
        },
      );
    });
  }

  private async release(importId: string, token: string): Promise<void> {
    await this.db
      .updateTable('voucher_imports')
      .set({ lease_token: null, lease_until: null })
      .where('id', '=', importId)
      .where('lease_token', '=', token)
      .execute();
  }

  /** Gives the lease back so the import is tried again; after MAX_FAILURES it is marked failed. */
  private async recordFailure(importId: string, token: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.db
      .updateTable('voucher_imports')
      .set((eb) => ({
        failures: eb('failures', '+', 1),
        last_error: message.slice(0, 1000),
        lease_token: null,
        lease_until: null,
        status: sql`CASE WHEN failures + 1 >= ${MAX_FAILURES} THEN 'failed' ELSE status END`,
      }))
      .where('id', '=', importId)
      .where('lease_token', '=', token)
      .execute()
      .catch(() => {}); // the database may be what failed: the lease then lapses on its own
  }
}

function isCodeCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'vouchers_code_key';
}
