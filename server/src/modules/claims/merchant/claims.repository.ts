import type { Kysely, Selectable } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { ClaimPeriod } from '../claim-window.js';
import type { ClaimTables } from '../claims.tables.js';

/**
 * The merchant's claims, SQL only. Every read takes the merchant structure: a claim of another
 * structure is not found, exactly like a missing one.
 */
export type ClaimRow = Selectable<ClaimTables['claims']>;
export type IntegrationRow = Selectable<ClaimTables['claim_integrations']>;
export type ClaimPurchaseRow = Selectable<ClaimTables['claim_purchases']>;
export type HistoryRow = Selectable<ClaimTables['claim_history']>;

const k = (db: AnyDb) => db as Kysely<ClaimTables>;

export function findClaim(db: AnyDb, merchantStructureId: string, claimId: string, options: { forUpdate?: boolean } = {}): Promise<ClaimRow | undefined> {
  let query = k(db).selectFrom('claims').selectAll().where('id', '=', claimId).where('merchant_structure_id', '=', merchantStructureId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** "Elenco istanze di rimborso": newest first. */
export async function listClaims(db: AnyDb, merchantStructureId: string, page: number, pageSize: number): Promise<{ rows: ClaimRow[]; total: number }> {
  const base = k(db).selectFrom('claims').where('merchant_structure_id', '=', merchantStructureId);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('number', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { rows, total: Number(total) };
}

/** The claims of a quadrimestre that still count (a withdrawn one does not). */
export function liveClaimsOfPeriod(db: AnyDb, merchantStructureId: string, period: ClaimPeriod): Promise<{ number: number; region_structure_id: string }[]> {
  return k(db)
    .selectFrom('claims')
    .select(['number', 'region_structure_id'])
    .where('merchant_structure_id', '=', merchantStructureId)
    .where('period_year', '=', period.year)
    .where('period_index', '=', period.index)
    .where('status', '<>', 'annullata')
    .orderBy('number')
    .execute();
}

/** IBAN and e-mail of the merchant's last claim, to prefill the next one. */
export function lastClaimContact(db: AnyDb, merchantStructureId: string): Promise<{ iban: string; email: string } | undefined> {
  return k(db)
    .selectFrom('claims')
    .select(['iban', 'email'])
    .where('merchant_structure_id', '=', merchantStructureId)
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function claimHistory(db: AnyDb, claimId: string): Promise<HistoryRow[]> {
  return k(db).selectFrom('claim_history').selectAll().where('claim_id', '=', claimId).orderBy('id').execute();
}

/** The last request of integration (the open one, if any: there is at most one). */
export function latestIntegration(db: AnyDb, claimId: string): Promise<IntegrationRow | undefined> {
  return k(db).selectFrom('claim_integrations').selectAll().where('claim_id', '=', claimId).orderBy('requested_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

export function openIntegration(db: AnyDb, claimId: string, options: { forUpdate?: boolean } = {}): Promise<IntegrationRow | undefined> {
  let query = k(db).selectFrom('claim_integrations').selectAll().where('claim_id', '=', claimId).where('submitted_at', 'is', null);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** "Elenco transazioni" of a claim: the purchases as they were claimed, oldest first. */
export async function claimPurchasesPage(db: AnyDb, claimId: string, page: number, pageSize: number): Promise<{ rows: ClaimPurchaseRow[]; total: number }> {
  const [claim, rows] = await Promise.all([
    k(db).selectFrom('claims').select('purchase_count').where('id', '=', claimId).executeTakeFirstOrThrow(),
    k(db)
      .selectFrom('claim_purchases')
      .selectAll()
      .where('claim_id', '=', claimId)
      .orderBy('purchased_at')
      .orderBy('movement_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  // The count is the claim's own: written with its purchases in the same statement.
  return { rows, total: claim.purchase_count };
}

export function claimPurchase(db: AnyDb, claimId: string, movementId: string): Promise<ClaimPurchaseRow | undefined> {
  return k(db).selectFrom('claim_purchases').selectAll().where('claim_id', '=', claimId).where('movement_id', '=', movementId).executeTakeFirst();
}

/** A row of the claim's history that is not a change of status: a correction of IBAN or e-mail. */
export async function recordCorrection(db: AnyDb, claim: ClaimRow, actor: { userId: string | null; name: string | null }, note: string, at: Date): Promise<void> {
  await k(db)
    .insertInto('claim_history')
    .values({
      claim_id: claim.id,
      from_status: claim.status,
      to_status: claim.status,
      actor_kind: 'merchant',
      actor_user_id: actor.userId,
      actor_name: actor.name,
      note,
      occurred_at: at,
    })
    .execute();
}
