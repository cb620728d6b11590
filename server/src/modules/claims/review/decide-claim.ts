import type { Kysely } from 'kysely';
import { romeDate } from '../../../shared/dates.js';
import { type ClaimActor, changeClaimStatus } from '../change-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { checkIntegrationRequest, checkRejectionReason, integrationNote } from './review-rules.js';

/** Who decides, for which region. */
export interface RegionDecision {
  regionId: string;
  actor: ClaimActor;
}

/** "Approva": a claim "Da valutare" becomes "Approvata" (then it can be forwarded for payment). */
export async function approveClaim(deps: ClaimsDeps, claimId: string, by: RegionDecision): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    changeClaimStatus(trx, deps, { claimId, to: 'approvata', actor: by.actor, scope: { regionStructureId: by.regionId } }),
  );
}

/** "Rifiuta": with its reason, which the merchant reads in the e-mail and in the claim. */
export async function rejectClaim(deps: ClaimsDeps, claimId: string, reason: string | undefined, by: RegionDecision): Promise<void> {
  const text = checkRejectionReason(reason);
  await deps.db.transaction().execute((trx) =>
    changeClaimStatus(trx, deps, {
      claimId,
      to: 'rifiutata',
      actor: by.actor,
      note: `Motivo del rifiuto: ${text}`,
      set: { rejection_reason: text },
      scope: { regionStructureId: by.regionId },
    }),
  );
}

/**
 * "Richiedi integrazione": what is missing and by when (a Rome day after today, within 90 days).
 * The claim becomes "Da integrare"; left so past the deadline, the job makes it "Scaduta".
 */
export async function requestIntegration(deps: ClaimsDeps, claimId: string, input: { text?: string; deadline?: string }, by: RegionDecision): Promise<void> {
  const request = checkIntegrationRequest(input, romeDate(deps.clock.now()));
  await deps.db.transaction().execute(async (trx) => {
    // The status change locks the claim and refuses a claim not "Da valutare" first.
    await changeClaimStatus(trx, deps, {
      claimId,
      to: 'da_integrare',
      actor: by.actor,
      note: integrationNote(request.text, request.deadline),
      scope: { regionStructureId: by.regionId },
    });
    await (trx as Kysely<ClaimTables>)
      .insertInto('claim_integrations')
      .values({
        claim_id: claimId,
        request_text: request.text,
        deadline: request.deadline,
        requested_by: by.actor.audit.userId!,
        requested_at: deps.clock.now(),
      })
      .execute();
  });
}
