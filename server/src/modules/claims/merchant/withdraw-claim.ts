import { Conflict, NotFound } from '../../../platform/http/errors.js';
import { type ClaimActor, changeClaimStatus } from '../change-status.js';
import { withdrawalRefusal } from '../claim-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { findClaim } from './claims.repository.js';

/**
 * "Annulla istanza": the merchant withdraws his claim, which gives its purchases back to the next
 * one. Refused once the payment procedure has started ("l'istanza non potrà essere annullata se
 * risulta avviata la procedura di pagamento", seed 000 §09).
 */
export async function withdrawClaim(deps: ClaimsDeps, input: { merchantStructureId: string; claimId: string; actor: ClaimActor }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const claim = await findClaim(trx, input.merchantStructureId, input.claimId, { forUpdate: true });
    if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
    const refusal = withdrawalRefusal(claim.status);
    if (refusal) throw new Conflict('claim_not_withdrawable', refusal);
    await changeClaimStatus(trx, deps, {
      claimId: claim.id,
      to: 'annullata',
      actor: input.actor,
      note: "Istanza annullata dall'esercente.",
      scope: { merchantStructureId: input.merchantStructureId },
    });
  });
}
