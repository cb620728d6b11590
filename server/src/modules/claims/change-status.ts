import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../../core/audit/audit.js';
import type { Clock } from '../../core/clock/clock.js';
import { enqueueNotification } from '../../core/notifications/outbox.js';
import { ownersOf, structuresByIds } from '../../core/organisations/index.js';
import type { AnyDb } from '../../platform/db/database.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { CLAIM_STATUSES, type ClaimStatus, transitionActor } from './claim-status.js';
import { periodLabel } from './claim-window.js';
import type { ClaimActorKind, ClaimTables } from './claims.tables.js';

export interface ClaimActor {
  kind: ClaimActorKind;
  /** Who, for the history and the audit log (the system's jobs have no user). */
  audit: AuditActor;
}

export const SYSTEM_ACTOR: ClaimActor = {
  kind: 'system',
  audit: { userId: null, name: 'Sistema', structureId: null, structureName: null, ip: null },
};

export interface StatusChange {
  claimId: string;
  to: ClaimStatus;
  actor: ClaimActor;
  /** What the e-mail and the history say with it (reason of a rejection, what to integrate). */
  note?: string;
  /** Columns set in the same UPDATE (rejection_reason, payment_batch_id). */
  set?: { rejection_reason?: string; payment_batch_id?: string };
  /** Only for a claim of this structure (as merchant or as region); otherwise it is "not found". */
  scope?: { merchantStructureId?: string; regionStructureId?: string };
}

export interface ChangeStatusDeps {
  clock: Clock;
  /** Where the platform is reached, for the link in the e-mail. */
  publicUrl: string;
}

/** The path of a claim's detail in the web app, for the merchant. */
export const merchantClaimPath = (claimId: string) => `/istanze-rimborso/${claimId}`;

/**
 * Moves a claim to another status, in the caller's transaction: locks the claim, refuses a move
 * its actor may not make (the database refuses it too), records the history and the audit row,
 * releases the purchases when the new status gives them back, and queues the e-mail to the
 * merchant's owners and to the claim's address. Returns the status it came from.
 */
export async function changeClaimStatus(trx: AnyDb, deps: ChangeStatusDeps, change: StatusChange): Promise<{ from: ClaimStatus }> {
  const db = trx as Kysely<ClaimTables>;
  let query = db.selectFrom('claims').selectAll().where('id', '=', change.claimId).forUpdate();
  if (change.scope?.merchantStructureId) query = query.where('merchant_structure_id', '=', change.scope.merchantStructureId);
  if (change.scope?.regionStructureId) query = query.where('region_structure_id', '=', change.scope.regionStructureId);
  const claim = await query.executeTakeFirst();
  if (!claim) throw new NotFound('Istanza di rimborso non trovata.');

  const from = claim.status as ClaimStatus;
  if (transitionActor(from, change.to) !== change.actor.kind) {
    throw new Conflict(
      'claim_transition_refused',
      `L'istanza n. ${claim.number} è nello stato «${CLAIM_STATUSES[from].label}»: non può passare a «${CLAIM_STATUSES[change.to].label}».`,
    );
  }
  const now = deps.clock.now();
  await db
    .updateTable('claims')
    .set({
      status: change.to,
      status_changed_at: now,
      ...(change.actor.kind === 'region' && claim.evaluated_at === null ? { evaluated_at: now } : {}),
      ...change.set,
    })
    .where('id', '=', claim.id)
    .execute();
  if (CLAIM_STATUSES[change.to].releasesPurchases) {
    await db.updateTable('claim_purchases').set({ live: false }).where('claim_id', '=', claim.id).where('live', '=', true).execute();
  }
  const { id: historyId } = await db
    .insertInto('claim_history')
    .values({
      claim_id: claim.id,
      from_status: from,
      to_status: change.to,
      actor_kind: change.actor.kind,
      actor_user_id: change.actor.audit.userId,
      actor_name: change.actor.audit.name,
      note: change.note ?? null,
      occurred_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, change.actor.audit, {
    action: `claim.status.${change.to}`,
    subject: { type: 'claim', id: claim.id },
    before: { status: from },
    after: { status: change.to, ...(change.note ? { note: change.note } : {}) },
  });

  const merchant = (await structuresByIds(trx, [claim.merchant_structure_id])).get(claim.merchant_structure_id);
  const recipients = new Set([claim.email.toLowerCase()]);
  for (const owner of await ownersOf(trx, claim.merchant_structure_id)) if (owner.email) recipients.add(owner.email.toLowerCase());
  for (const recipient of recipients) {
    await enqueueNotification(trx, {
      channel: 'email',
      recipient,
      template: 'claim-status-changed',
      idempotencyKey: `claim:${claim.id}:history:${historyId}:${recipient}`,
      data: {
        merchant: merchant?.name ?? 'esercente',
        claimNumber: claim.number,
        period: periodLabel({ year: claim.period_year, index: claim.period_index }),
        amountCents: claim.amount_cents,
        status: CLAIM_STATUSES[change.to].label,
        ...(change.note ? { note: change.note } : {}),
        link: new URL(merchantClaimPath(claim.id), deps.publicUrl).toString(),
      },
    });
  }
  return { from };
}
