import type { Kysely } from 'kysely';
import { recordAudit } from '../../../core/audit/audit.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { Conflict, NotFound, RuleViolation } from '../../../platform/http/errors.js';
import { type ClaimActor, changeClaimStatus } from '../change-status.js';
import { CLAIM_STATUSES } from '../claim-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { type ClaimRow, findClaim, type IntegrationRow, openIntegration } from './claims.repository.js';

export const DOCUMENT_MISSING = 'Carica prima il documento di integrazione (pdf) con «Upload del documento (pdf)».';

/**
 * The claim and the region's open request of integration, when the merchant may still answer it
 * ("Da integrare", not yet sent); otherwise NotFound (not his) or Conflict (nothing to integrate).
 */
export async function integrableClaim(db: AnyDb, merchantStructureId: string, claimId: string, options: { forUpdate?: boolean } = {}): Promise<{ claim: ClaimRow; integration: IntegrationRow }> {
  const claim = await findClaim(db, merchantStructureId, claimId, options);
  if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
  const integration = claim.status === 'da_integrare' ? await openIntegration(db, claim.id, options) : undefined;
  if (!integration) {
    throw new Conflict(
      'claim_not_awaiting_integration',
      `L'istanza n. ${claim.number} è nello stato «${CLAIM_STATUSES[claim.status].label}»: l'integrazione si fa solo per le istanze «Da integrare» non ancora integrate.`,
    );
  }
  return { claim, integration };
}

/**
 * "Upload del documento (pdf)": the one PDF answering the request becomes the integration's
 * document, replacing the previous one (returned, for the caller to delete after the commit).
 */
export async function attachIntegrationDocument(
  deps: ClaimsDeps,
  input: { merchantStructureId: string; claimId: string; documentId: string; actor: ClaimActor },
): Promise<{ previousDocumentId: string | null }> {
  return deps.db.transaction().execute(async (trx) => {
    const { claim, integration } = await integrableClaim(trx, input.merchantStructureId, input.claimId, { forUpdate: true });
    await (trx as Kysely<ClaimTables>)
      .updateTable('claim_integrations')
      .set({ document_id: input.documentId, document_uploaded_at: deps.clock.now() })
      .where('id', '=', integration.id)
      .execute();
    await recordAudit(trx, input.actor.audit, {
      action: 'claim.integration.upload',
      subject: { type: 'claim', id: claim.id },
      before: { integrationId: integration.id, documentId: integration.document_id },
      after: { integrationId: integration.id, documentId: input.documentId },
    });
    return { previousDocumentId: integration.document_id };
  });
}

/**
 * "Integra documentazione": sends the uploaded document to the region; the claim goes back to
 * "Da valutare" (history, audit and e-mail through changeClaimStatus).
 */
export async function submitIntegration(deps: ClaimsDeps, input: { merchantStructureId: string; claimId: string; actor: ClaimActor }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { claim, integration } = await integrableClaim(trx, input.merchantStructureId, input.claimId, { forUpdate: true });
    if (!integration.document_id) throw new RuleViolation('integration_document_missing', DOCUMENT_MISSING, { file: DOCUMENT_MISSING });
    await (trx as Kysely<ClaimTables>).updateTable('claim_integrations').set({ submitted_at: deps.clock.now() }).where('id', '=', integration.id).execute();
    await changeClaimStatus(trx, deps, {
      claimId: claim.id,
      to: 'da_valutare',
      actor: input.actor,
      note: 'Documentazione integrativa inviata.',
      scope: { merchantStructureId: input.merchantStructureId },
    });
  });
}
