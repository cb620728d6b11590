/**
 * SQL of beneficiaries' imports: staging the rows of a file, the checks that need every row (and
 * the program), the preview, the rejected rows. The batches that issue vouchers are in
 * import-runner.ts.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { ImportStatus, VoucherTables } from '../vouchers.tables.js';
import type { ParsedRow } from './parse-beneficiary-csv.js';

type ImportRecord = Selectable<VoucherTables['voucher_imports']>;

export interface ImportSummary {
  id: string;
  programId: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  rejectedRows: number;
  processedRows: number;
  issuedRows: number;
  skippedRows: number;
  /** Percentage of the valid rows handled, 0–100 (100 once completed). */
  progress: number;
  createdAt: Date;
  confirmedAt: Date | null;
  completedAt: Date | null;
}

export interface RejectedRow {
  line: number;
  fiscalCode: string;
  healthCardNumber: string;
  givenName: string;
  familyName: string;
  mobilePhone: string;
  activationDate: string;
  reasons: string[];
  reasonCodes: string[];
}

/** Reason codes and messages of the checks that look beyond one row. */
export const CROSS_ROW_REASONS = {
  duplicateInFile: 'duplicate_in_file',
  healthCardDuplicateInFile: 'health_card_duplicate_in_file',
  alreadyInProgram: 'already_in_program',
  healthCardInProgram: 'health_card_in_program',
} as const;
export const ALREADY_IN_PROGRAM_MESSAGE = 'Beneficiario già presente nel programma: il voucher è già stato emesso.';

export function toSummary(row: ImportRecord): ImportSummary {
  const progress =
    row.status === 'completed' ? 100 : row.valid_rows > 0 ? Math.min(100, Math.floor((row.processed_rows * 100) / row.valid_rows)) : 0;
  return {
    id: row.id,
    programId: row.program_id,
    fileName: row.file_name,
    status: row.status,
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    rejectedRows: row.rejected_rows,
    processedRows: row.processed_rows,
    issuedRows: row.issued_rows,
    skippedRows: row.skipped_rows,
    progress,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    completedAt: row.completed_at,
  };
}

/** Joins several reasons of one row in one cell: a separator no CSV cell holds. */
const REASON_SEPARATOR = '\u001f';

export class ImportsRepository {
  private readonly db: Kysely<VoucherTables>;

  constructor(db: AnyDb) {
    this.db = db;
  }

  async create(trx: Kysely<VoucherTables>, values: { programId: string; fileName: string; uploadedBy: string; createdAt: Date }): Promise<string> {
    const row = await trx
      .insertInto('voucher_imports')
      .values({ program_id: values.programId, file_name: values.fileName, status: 'uploading', uploaded_by: values.uploadedBy, created_at: values.createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** One batch of parsed rows, in one statement (unnest of one array per column). */
  async stageRows(trx: Kysely<VoucherTables>, importId: string, rows: readonly ParsedRow[]): Promise<void> {
    const col = <T>(pick: (r: ParsedRow) => T) => rows.map(pick);
    await sql`
      INSERT INTO voucher_import_rows (import_id, line_number, fiscal_code, fiscal_code_valid, health_card_number, health_card_valid,
                                       given_name, family_name, mobile_phone, activation_text, activation_date, reason_codes, reasons)
      SELECT ${importId}::uuid, t.line, t.fiscal_code, t.fiscal_code_valid, t.health_card, t.health_card_valid, t.given_name, t.family_name,
             t.mobile_phone, t.activation_text, t.activation_date,
             string_to_array(t.codes, chr(31)), string_to_array(t.reasons, chr(31))
      FROM unnest(${col((r) => r.line)}::int[], ${col((r) => r.row.fiscalCode)}::text[], ${col((r) => r.row.fiscalCodeValid)}::bool[],
                  ${col((r) => r.row.healthCard)}::text[], ${col((r) => r.row.healthCardValid)}::bool[], ${col((r) => r.row.givenName)}::text[],
                  ${col((r) => r.row.familyName)}::text[], ${col((r) => r.row.mobilePhone)}::text[], ${col((r) => r.row.activationText)}::text[],
                  ${col((r) => r.row.activationDate)}::date[],
                  ${col((r) => r.row.reasons.map((x) => x.code).join(REASON_SEPARATOR))}::text[],
                  ${col((r) => r.row.reasons.map((x) => x.message).join(REASON_SEPARATOR))}::text[])
        AS t(line, fiscal_code, fiscal_code_valid, health_card, health_card_valid, given_name, family_name, mobile_phone, activation_text,
             activation_date, codes, reasons)
    `.execute(trx);
  }

  /**
   * The checks that need every row: a codice fiscale or tessera sanitaria repeated in the file (the
   * first occurrence stays, the repeats are rejected), a beneficiary already in the program, a
   * tessera sanitaria the program holds for someone else. Set-based, over the staged rows.
   */
  async markCrossRowProblems(trx: Kysely<VoucherTables>, importId: string, programId: string): Promise<void> {
    await sql`
      UPDATE voucher_import_rows r
         SET reason_codes = r.reason_codes || ${CROSS_ROW_REASONS.duplicateInFile}::text,
             reasons = r.reasons || format('Codice fiscale ripetuto nel file (già alla riga %s).', d.first_line)
        FROM (SELECT line_number, min(line_number) OVER (PARTITION BY fiscal_code) AS first_line
                FROM voucher_import_rows WHERE import_id = ${importId} AND fiscal_code_valid) d
       WHERE r.import_id = ${importId} AND r.line_number = d.line_number AND d.line_number <> d.first_line
    `.execute(trx);
    await sql`
      UPDATE voucher_import_rows r
         SET reason_codes = r.reason_codes || ${CROSS_ROW_REASONS.healthCardDuplicateInFile}::text,
             reasons = r.reasons || format('Tessera sanitaria ripetuta nel file (già alla riga %s).', d.first_line)
        FROM (SELECT line_number, min(line_number) OVER (PARTITION BY health_card_number) AS first_line
                FROM voucher_import_rows WHERE import_id = ${importId} AND health_card_valid) d
       WHERE r.import_id = ${importId} AND r.line_number = d.line_number AND d.line_number <> d.first_line
    `.execute(trx);
    await sql`
      UPDATE voucher_import_rows r
         SET reason_codes = r.reason_codes || ${CROSS_ROW_REASONS.alreadyInProgram}::text,
             reasons = r.reasons || ${ALREADY_IN_PROGRAM_MESSAGE}::text
       WHERE r.import_id = ${importId} AND r.fiscal_code_valid
         AND EXISTS (SELECT 1 FROM vouchers v WHERE v.program_id = ${programId} AND v.beneficiary_fiscal_code = r.fiscal_code)
    `.execute(trx);
    await sql`
      UPDATE voucher_import_rows r
         SET reason_codes = r.reason_codes || ${CROSS_ROW_REASONS.healthCardInProgram}::text,
             reasons = r.reasons || 'Tessera sanitaria già presente nel programma per un altro beneficiario.'::text
       WHERE r.import_id = ${importId} AND r.health_card_valid
         AND EXISTS (SELECT 1 FROM vouchers v WHERE v.program_id = ${programId} AND v.health_card_number = r.health_card_number
                                               AND v.beneficiary_fiscal_code <> r.fiscal_code)
    `.execute(trx);
  }

  /** Counts the staged rows and opens the preview. */
  async finishPreview(trx: Kysely<VoucherTables>, importId: string): Promise<ImportSummary> {
    const row = await sql<ImportRecord>`
      UPDATE voucher_imports i
         SET status = 'preview', total_rows = c.total, valid_rows = c.total - c.rejected, rejected_rows = c.rejected
        FROM (SELECT count(*)::int AS total, (count(*) FILTER (WHERE rejected))::int AS rejected
                FROM voucher_import_rows WHERE import_id = ${importId}) c
       WHERE i.id = ${importId}
      RETURNING i.*
    `.execute(trx);
    return toSummary(row.rows[0]!);
  }

  /** The import, if it belongs to this program of this region; `stalled`: importing, nobody working it. */
  async findInRegion(importId: string, programId: string, regionId: string): Promise<(ImportSummary & { stalled: boolean }) | undefined> {
    const row = await this.db
      .selectFrom('voucher_imports as i')
      .innerJoin('voucher_programs as p', 'p.id', 'i.program_id')
      .selectAll('i')
      .select(sql<boolean>`i.status = 'importing' AND (i.lease_until IS NULL OR i.lease_until < now())`.as('stalled'))
      .where('i.id', '=', importId)
      .where('i.program_id', '=', programId)
      .where('p.region_structure_id', '=', regionId)
      .where('i.status', '<>', 'uploading')
      .executeTakeFirst();
    return row ? { ...toSummary(row), stalled: row.stalled } : undefined;
  }

  /** The program's latest imports (uploads in flight excluded). */
  async listByProgram(programId: string, limit: number): Promise<ImportSummary[]> {
    const rows = await this.db
      .selectFrom('voucher_imports')
      .selectAll()
      .where('program_id', '=', programId)
      .where('status', 'not in', ['uploading', 'discarded'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  private static toRejected(r: {
    line_number: number;
    fiscal_code: string;
    health_card_number: string;
    given_name: string;
    family_name: string;
    mobile_phone: string;
    activation_text: string;
    reasons: string[];
    reason_codes: string[];
  }): RejectedRow {
    return {
      line: r.line_number,
      fiscalCode: r.fiscal_code,
      healthCardNumber: r.health_card_number,
      givenName: r.given_name,
      familyName: r.family_name,
      mobilePhone: r.mobile_phone,
      activationDate: r.activation_text,
      reasons: r.reasons,
      reasonCodes: r.reason_codes,
    };
  }

  private rejected(importId: string) {
    return this.db
      .selectFrom('voucher_import_rows')
      .select(['line_number', 'fiscal_code', 'health_card_number', 'given_name', 'family_name', 'mobile_phone', 'activation_text', 'reasons', 'reason_codes'])
      .where('import_id', '=', importId)
      .where('rejected', '=', true);
  }

  async rejectedPage(importId: string, page: number, pageSize: number): Promise<{ items: RejectedRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.rejected(importId)
        .orderBy('line_number')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.db
        .selectFrom('voucher_import_rows')
        .where('import_id', '=', importId)
        .where('rejected', '=', true)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(ImportsRepository.toRejected), total: total.n };
  }

  /** The rejected rows after `afterLine`, in file order: the report reads them chunk by chunk. */
  async rejectedAfter(importId: string, afterLine: number, limit: number): Promise<RejectedRow[]> {
    const rows = await this.rejected(importId).where('line_number', '>', afterLine).orderBy('line_number').limit(limit).execute();
    return rows.map(ImportsRepository.toRejected);
  }

  /** "Conferma importazione": preview → importing, once; undefined if it was not in preview. */
  async confirm(trx: Kysely<VoucherTables>, importId: string, values: { by: string; at: Date; codeYear: string }): Promise<ImportSummary | undefined> {
    const row = await trx
      .updateTable('voucher_imports')
      .set({ status: 'importing', confirmed_by: values.by, confirmed_at: values.at, code_year: values.codeYear })
      .where('id', '=', importId)
      .where('status', '=', 'preview')
      .where('valid_rows', '>', 0)
      .returningAll()
      .executeTakeFirst();
    return row ? toSummary(row) : undefined;
  }

  /** Drops a preview and its staged rows; false if it was not in preview. */
  async discard(trx: Kysely<VoucherTables>, importId: string): Promise<boolean> {
    const row = await trx
      .updateTable('voucher_imports')
      .set({ status: 'discarded' })
      .where('id', '=', importId)
      .where('status', '=', 'preview')
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('voucher_import_rows').where('import_id', '=', importId).execute();
    return true;
  }
}
