import type { Kysely } from 'kysely';
import type { Clock } from '../../../core/clock/clock.js';
import type { AnyDb } from '../../../platform/db/database.js';
import type { VoucherTables } from '../vouchers.tables.js';
import { type ImportSummary, ImportsRepository } from './imports.repository.js';
import { parseBeneficiaryCsv } from './parse-beneficiary-csv.js';

export interface StageImportInput {
  programId: string;
  fileName: string;
  uploadedBy: string;
  /** The file as it arrives. */
  content: AsyncIterable<Buffer>;
  maxRows?: number;
}

/** Rows staged per INSERT while the file is read. */
const STAGE_BATCH = 1000;

/**
 * Upload of a beneficiaries file → preview: reads the file as it arrives, stages every row with the
 * reasons it cannot issue a voucher, then runs the checks that need every row and the program.
 * One transaction: a refused file (not CSV, bad header, too many rows, too large) leaves nothing.
 */
export async function stageImport(db: AnyDb, clock: Clock, input: StageImportInput): Promise<ImportSummary> {
  const imports = new ImportsRepository(db);
  return (db as Kysely<VoucherTables>).transaction().execute(async (trx) => {
    const importId = await imports.create(trx, {
      programId: input.programId,
      fileName: input.fileName,
      uploadedBy: input.uploadedBy,
      createdAt: clock.now(),
    });
    await parseBeneficiaryCsv(input.content, {
      batchSize: STAGE_BATCH,
      maxRows: input.maxRows,
      onBatch: (rows) => imports.stageRows(trx, importId, rows),
    });
    await imports.markCrossRowProblems(trx, importId, input.programId);
    return imports.finishPreview(trx, importId);
  });
}
