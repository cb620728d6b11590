import type { Kysely } from 'kysely';
import { recordAudit } from '../../../core/audit/audit.js';
import { NotFound, RuleViolation } from '../../../platform/http/errors.js';
import type { ClaimActor } from '../change-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { checkContact } from './claim-contact.js';
import { canRectifyEmail, canRectifyIban } from './claim-view.js';
import { findClaim, recordCorrection } from './claims.repository.js';

export const IBAN_NOT_RECTIFIABLE = "L'IBAN si può rettificare solo se l'istanza è «Da valutare» e non è mai stata valutata.";
export const EMAIL_NOT_RECTIFIABLE = "L'e-mail di un'istanza annullata non si può più rettificare.";

export interface Rectification {
  merchantStructureId: string;
  claimId: string;
  iban?: string;
  email?: string;
  actor: ClaimActor;
}

/**
 * "Rettifica": corrects the IBAN (only while "Da valutare" and never evaluated) and/or the
 * e-mail, under the claim's row lock so a concurrent evaluation cannot slip in between. Each
 * correction is audited with before/after and shown in the claim's history.
 */
export async function rectifyClaim(deps: ClaimsDeps, input: Rectification): Promise<void> {
  const contact = checkContact({ iban: input.iban, email: input.email });
  if (contact.errors) throw new RuleViolation('claim_contact_invalid', Object.values(contact.errors).join(' '), contact.errors);

  await deps.db.transaction().execute(async (trx) => {
    const claim = await findClaim(trx, input.merchantStructureId, input.claimId, { forUpdate: true });
    if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
    const set: { iban?: string; email?: string } = {};
    if (contact.iban !== undefined && contact.iban !== claim.iban) {
      if (!canRectifyIban(claim)) throw new RuleViolation('iban_not_rectifiable', IBAN_NOT_RECTIFIABLE, { iban: IBAN_NOT_RECTIFIABLE });
      set.iban = contact.iban;
    }
    if (contact.email !== undefined && contact.email !== claim.email) {
      if (!canRectifyEmail(claim)) throw new RuleViolation('email_not_rectifiable', EMAIL_NOT_RECTIFIABLE, { email: EMAIL_NOT_RECTIFIABLE });
      set.email = contact.email;
    }
    if (set.iban === undefined && set.email === undefined) return; // nothing changes: nothing to record

    await (trx as Kysely<ClaimTables>).updateTable('claims').set(set).where('id', '=', claim.id).execute();
    const before = { ...(set.iban !== undefined ? { iban: claim.iban } : {}), ...(set.email !== undefined ? { email: claim.email } : {}) };
    await recordAudit(trx, input.actor.audit, { action: 'claim.rectify', subject: { type: 'claim', id: claim.id }, before, after: set });
    const what = [set.iban !== undefined ? 'IBAN' : null, set.email !== undefined ? 'e-mail' : null].filter(Boolean).join(' ed ');
    await recordCorrection(trx, claim, input.actor.audit, `Rettifica: ${what} modificat${set.iban !== undefined && set.email !== undefined ? 'i' : set.iban !== undefined ? 'o' : 'a'}.`, deps.clock.now());
  });
}
