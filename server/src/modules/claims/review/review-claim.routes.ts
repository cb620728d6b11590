import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { NotFound } from '../../../platform/http/errors.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { claimDetail } from './claim-detail.js';
import { approveClaim, rejectClaim, requestIntegration } from './decide-claim.js';
import { regionActor, regionOf, reviewRoute } from './review-access.js';
import { findRegionClaim, integrationOf, purchaseOf, purchasesPage } from './review.repository.js';
import { claimParams, integrationParams, integrationRequestBody, pageParams, purchaseParams, rejectionBody } from './review.schemas.js';

const { config } = reviewRoute;
const tags = [...reviewRoute.tags];

/** A claim seen by its region: detail, transactions, receipts, integration documents, decisions. */
export function reviewClaimRoutes(deps: ClaimsDeps) {
  const regionClaim = async (regionId: string, claimId: string) => {
    const claim = await findRegionClaim(deps.db, regionId, claimId);
    if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
    return claim;
  };

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/claims-review/:claimId', { config, schema: { tags, summary: "Dettaglio di un'istanza di rimborso", params: claimParams } }, async (request) => {
      const { region } = regionOf(request);
      const detail = await claimDetail(deps.db, deps.documents, region.id, request.params.claimId);
      await recordAudit(deps.db, actorOf(request), { action: 'claim.view', subject: { type: 'claim', id: detail.id } });
      return detail;
    });

    app.get(
      '/api/claims-review/:claimId/transactions',
      { config, schema: { tags, summary: "Elenco transazioni dell'istanza", params: claimParams, querystring: z.object(pageParams) } },
      async (request) => {
        const { region } = regionOf(request);
        const claim = await regionClaim(region.id, request.params.claimId);
        const { page, pageSize } = request.query;
        const { total, rows } = await purchasesPage(deps.db, claim.id, { page, pageSize });
        // The page shows beneficiaries' codici fiscali: looking at it is recorded.
        await recordAudit(deps.db, actorOf(request), { action: 'claim.transactions.view', subject: { type: 'claim', id: claim.id }, after: { page, pageSize } });
        return {
          items: rows.map((p) => ({
            movementId: p.movement_id,
            purchasedAt: p.purchased_at.toISOString(),
            fiscalCode: p.beneficiary_fiscal_code,
            voucherCode: p.voucher_code,
            amountCents: p.amount_cents,
            hasReceipt: p.receipt_document_id !== null,
          })),
          total,
          page,
          pageSize,
        };
      },
    );

    app.get(
      '/api/claims-review/:claimId/transactions/:movementId/receipt',
      { config, schema: { tags, summary: 'Scontrino di una transazione', params: purchaseParams } },
      async (request, reply) => {
        const { region } = regionOf(request);
        const claim = await regionClaim(region.id, request.params.claimId);
        const purchase = await purchaseOf(deps.db, claim.id, request.params.movementId);
        if (!purchase?.receipt_document_id) throw new NotFound('Scontrino non disponibile.');
        // Authorised here: the receipt belongs to the merchant, the claim to this region.
        return deps.documents.sendAuthorised(request, purchase.receipt_document_id, reply, { inline: true, personFiscalCode: purchase.beneficiary_fiscal_code });
      },
    );

    app.get(
      '/api/claims-review/:claimId/integrations/:integrationId/document',
      { config, schema: { tags, summary: "Documento d'integrazione inviato dall'esercente", params: integrationParams } },
      async (request, reply) => {
        const { region } = regionOf(request);
        const claim = await regionClaim(region.id, request.params.claimId);
        const integration = await integrationOf(deps.db, claim.id, request.params.integrationId);
        // Until "Integra documentazione" the PDF is the merchant's draft.
        if (!integration?.document_id || !integration.submitted_at) throw new NotFound('Documento non disponibile.');
        return deps.documents.sendAuthorised(request, integration.document_id, reply, { inline: true });
      },
    );

    // A decision answers with the claim's new detail.
    const decided = (request: FastifyRequest, claimId: string) => claimDetail(deps.db, deps.documents, regionOf(request).region.id, claimId);
    const by = (request: FastifyRequest) => ({ regionId: regionOf(request).region.id, actor: regionActor(request) });

    app.post('/api/claims-review/:claimId/approval', { config, schema: { tags, summary: "Approva l'istanza", params: claimParams } }, async (request) => {
      await approveClaim(deps, request.params.claimId, by(request));
      return decided(request, request.params.claimId);
    });

    app.post(
      '/api/claims-review/:claimId/rejection',
      { config, schema: { tags, summary: "Rifiuta l'istanza (motivo obbligatorio, al massimo 2000 caratteri)", params: claimParams, body: rejectionBody } },
      async (request) => {
        await rejectClaim(deps, request.params.claimId, request.body.reason, by(request));
        return decided(request, request.params.claimId);
      },
    );

    app.post(
      '/api/claims-review/:claimId/integration-request',
      {
        config,
        schema: { tags, summary: 'Richiedi integrazione (testo e termine: un giorno dopo oggi, entro 90 giorni)', params: claimParams, body: integrationRequestBody },
      },
      async (request) => {
        await requestIntegration(deps, request.params.claimId, request.body, by(request));
        return decided(request, request.params.claimId);
      },
    );
  };
}
