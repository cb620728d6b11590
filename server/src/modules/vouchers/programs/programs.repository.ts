/**
 * SQL of programs and their enrolled merchants. Every read is scoped to the region that runs the
 * program: another region's program answers like a missing one.
 */
import { type Kysely, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { VoucherTables } from '../vouchers.tables.js';

export interface ProgramRow {
  id: string;
  name: string;
  faceValueCents: number;
  validityMonths: number;
  createdAt: Date;
  merchantCount: number;
  voucherCount: number;
}

export interface NewProgram {
  regionId: string;
  name: string;
  faceValueCents: number;
  validityMonths: number;
  createdBy: string;
  createdAt: Date;
}

export class ProgramsRepository {
  private readonly db: Kysely<VoucherTables>;

  constructor(db: AnyDb) {
    this.db = db;
  }

  private selectPrograms(regionId: string) {
    return this.db
      .selectFrom('voucher_programs as p')
      .where('p.region_structure_id', '=', regionId)
      .select((eb) => [
        'p.id',
        'p.name',
        'p.face_value_cents',
        'p.validity_months',
        'p.created_at',
        eb.selectFrom('voucher_program_merchants as pm').whereRef('pm.program_id', '=', 'p.id').select(sql<number>`count(*)::int`.as('n')).as('merchant_count'),
        eb.selectFrom('vouchers as v').whereRef('v.program_id', '=', 'p.id').select(sql<number>`count(*)::int`.as('n')).as('voucher_count'),
      ]);
  }

  private static toProgram(row: {
    id: string;
    name: string;
    face_value_cents: number;
    validity_months: number;
    created_at: Date;
    merchant_count: number | null;
    voucher_count: number | null;
  }): ProgramRow {
    return {
      id: row.id,
      name: row.name,
      faceValueCents: Number(row.face_value_cents),
      validityMonths: row.validity_months,
      createdAt: row.created_at,
      merchantCount: row.merchant_count ?? 0,
      voucherCount: row.voucher_count ?? 0,
    };
  }

  /** The region's programs, newest first. */
  async listByRegion(regionId: string, page: number, pageSize: number): Promise<{ items: ProgramRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.selectPrograms(regionId)
        .orderBy('p.created_at', 'desc')
        .orderBy('p.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.db
        .selectFrom('voucher_programs')
        .where('region_structure_id', '=', regionId)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(ProgramsRepository.toProgram), total: total.n };
  }

  async findInRegion(programId: string, regionId: string): Promise<ProgramRow | undefined> {
    const row = await this.selectPrograms(regionId).where('p.id', '=', programId).executeTakeFirst();
    return row ? ProgramsRepository.toProgram(row) : undefined;
  }

  /** Locks the program row (enrolment changes of one program run one at a time). */
  async lockInRegion(trx: Kysely<VoucherTables>, programId: string, regionId: string): Promise<{ id: string; name: string } | undefined> {
    return trx
      .selectFrom('voucher_programs')
      .select(['id', 'name'])
      .where('id', '=', programId)
      .where('region_structure_id', '=', regionId)
      .forUpdate()
      .executeTakeFirst();
  }

  async insert(trx: Kysely<VoucherTables>, program: NewProgram): Promise<string> {
    const row = await trx
      .insertInto('voucher_programs')
      .values({
        name: program.name,
        face_value_cents: program.faceValueCents,
        validity_months: program.validityMonths,
        region_structure_id: program.regionId,
        created_by: program.createdBy,
        created_at: program.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async merchantIds(programId: string, db: Kysely<VoucherTables> = this.db): Promise<{ merchantId: string; enrolledAt: Date }[]> {
    const rows = await db
      .selectFrom('voucher_program_merchants')
      .select(['merchant_structure_id', 'enrolled_at'])
      .where('program_id', '=', programId)
      .orderBy('enrolled_at')
      .execute();
    return rows.map((r) => ({ merchantId: r.merchant_structure_id, enrolledAt: r.enrolled_at }));
  }

  /** Enrols the merchants not enrolled yet; returns those it added. */
  async enrol(trx: Kysely<VoucherTables>, programId: string, merchantIds: readonly string[], by: string, at: Date): Promise<string[]> {
    if (merchantIds.length === 0) return [];
    const rows = await trx
      .insertInto('voucher_program_merchants')
      .values(merchantIds.map((id) => ({ program_id: programId, merchant_structure_id: id, enrolled_by: by, enrolled_at: at })))
      .onConflict((oc) => oc.columns(['program_id', 'merchant_structure_id']).doNothing())
      .returning('merchant_structure_id')
      .execute();
    return rows.map((r) => r.merchant_structure_id);
  }

  /** True when the merchant was enrolled (and is no longer). */
  async remove(trx: Kysely<VoucherTables>, programId: string, merchantId: string): Promise<boolean> {
    const result = await trx
      .deleteFrom('voucher_program_merchants')
      .where('program_id', '=', programId)
      .where('merchant_structure_id', '=', merchantId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
