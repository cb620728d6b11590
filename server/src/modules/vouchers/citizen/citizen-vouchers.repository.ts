import type { Kysely } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { MovementKind, MovementStatus, VoucherTables } from '../vouchers.tables.js';

export interface OwnVoucherRow {
  id: string;
  code: string;
  program_name: string;
  beneficiary_fiscal_code: string;
  initial_cents: number;
  available_cents: number;
  activation_date: string;
  expiry_date: string;
}

export interface OwnMovementRow {
  id: string;
  created_at: Date;
  merchant_structure_id: string;
  kind: MovementKind;
  status: MovementStatus;
  amount_cents: number;
  receipt_document_id: string | null;
}

/**
 * SQL only: a citizen's own vouchers and their movements. Every query takes the caller's codice
 * fiscale, so a voucher of somebody else is never found — it answers exactly like a missing one.
 */
export class CitizenVouchersRepository {
  private readonly db: Kysely<VoucherTables>;

  constructor(db: AnyDb) {
    this.db = db;
  }

  private ownVouchers(fiscalCode: string) {
    return this.db
      .selectFrom('vouchers as v')
      .innerJoin('voucher_programs as p', 'p.id', 'v.program_id')
      .where('v.beneficiary_fiscal_code', '=', fiscalCode)
      .select([
        'v.id',
        'v.code',
        'p.name as program_name',
        'v.beneficiary_fiscal_code',
        'v.initial_cents',
        'v.available_cents',
        'v.activation_date',
        'v.expiry_date',
      ]);
  }

  async countByFiscalCode(fiscalCode: string): Promise<number> {
    const row = await this.db
      .selectFrom('vouchers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('beneficiary_fiscal_code', '=', fiscalCode)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Newest first: the voucher that runs longest leads. */
  listByFiscalCode(fiscalCode: string): Promise<OwnVoucherRow[]> {
    return this.ownVouchers(fiscalCode).orderBy('v.expiry_date', 'desc').orderBy('v.created_at', 'desc').orderBy('v.id').execute();
  }

  findOwn(voucherId: string, fiscalCode: string): Promise<OwnVoucherRow | undefined> {
    return this.ownVouchers(fiscalCode).where('v.id', '=', voucherId).executeTakeFirst();
  }

  /** One page of the voucher's movements at every merchant, newest first. */
  async movementsPage(voucherId: string, page: number, pageSize: number): Promise<{ rows: OwnMovementRow[]; total: number }> {
    const base = this.db.selectFrom('voucher_movements').where('voucher_id', '=', voucherId);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      base
        .select(['id', 'created_at', 'merchant_structure_id', 'kind', 'status', 'amount_cents', 'receipt_document_id'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /** A purchase on one of the caller's vouchers, with its receipt (if any). */
  findOwnPurchase(voucherId: string, movementId: string, fiscalCode: string) {
    return this.db
      .selectFrom('voucher_movements as m')
      .innerJoin('vouchers as v', 'v.id', 'm.voucher_id')
      .select(['m.id', 'm.status', 'm.created_at', 'm.receipt_document_id', 'v.beneficiary_fiscal_code'])
      .where('m.id', '=', movementId)
      .where('m.voucher_id', '=', voucherId)
      .where('m.kind', '=', 'acquisto')
      .where('v.beneficiary_fiscal_code', '=', fiscalCode)
      .executeTakeFirst();
  }
}
