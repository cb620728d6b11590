import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CLAIM_INTEGRATION_POLICY } from '../../../core/documents/index.js';
import { structureOf } from '../../../core/identity/access.js';
import { structuresByIds } from '../../../core/organisations/index.js';
import { NotFound } from '../../../platform/http/errors.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { claimDetail, periodOfClaim } from './claim-view.js';
import { findClaim, latestIntegration } from './claims.repository.js';
import { access, claimParams, tags } from './claims.schemas.js';
import { merchantActor } from './claims.routes.js';
import { attachIntegrationDocument, integrableClaim, submitIntegration } from './integrate-claim.js';

/**
 * "Da integrare" (seed 000 §09): "Download Template" (Word), "Upload del documento (pdf)" — one
 * document with the completed request and every receipt — then "Integra documentazione".
 */
export function integrationRoutes(deps: ClaimsDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/claims/:claimId/integration/template',
      { config: { access }, schema: { tags, summary: 'Download Template: il modello Word della richiesta di integrazione', params: claimParams } },
      async (request, reply) => {
        const { structure } = structureOf(request);
        const { claim, integration } = await integrableClaim(deps.db, structure.id, request.params.claimId);
        const regions = await structuresByIds(deps.db, [claim.region_structure_id]);
        // docx weighs ~10 MB in memory: loaded the first time a template is asked for, not at start.
        const { DOCX_MEDIA_TYPE, integrationTemplate } = await import('./integration-template.js');
        const content = await integrationTemplate({
          claimNumber: Number(claim.number),
          merchantName: structure.name,
          regionName: regions.get(claim.region_structure_id)?.name ?? null,
          periodLabel: periodOfClaim(claim).label,
          amountCents: Number(claim.amount_cents),
          purchaseCount: claim.purchase_count,
          transactionsFrom: claim.transactions_from,
          transactionsTo: claim.transactions_to,
          requestedAt: claim.created_at,
          iban: claim.iban,
          email: claim.email,
          requestText: integration.request_text,
          deadline: integration.deadline,
        });
        return reply
          .headers({
            'content-type': DOCX_MEDIA_TYPE,
            'content-disposition': `attachment; filename="integrazione-istanza-${claim.number}.docx"`,
            'cache-control': 'private, no-store',
            'x-content-type-options': 'nosniff',
          })
          .send(content);
      },
    );

    app.post(
      '/api/claims/:claimId/integration/document',
      {
        config: { access },
        schema: { tags, summary: 'Upload del documento (pdf): al massimo 10 MB; multipart, campo "file"', consumes: ['multipart/form-data'], params: claimParams },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { claimId } = request.params;
        // Checked before storing anything; checked again under lock when attaching.
        await integrableClaim(deps.db, structure.id, claimId);
        const document = await deps.documents.upload(request, CLAIM_INTEGRATION_POLICY, { structureId: structure.id });
        let previousDocumentId: string | null;
        try {
          ({ previousDocumentId } = await attachIntegrationDocument(deps, { merchantStructureId: structure.id, claimId, documentId: document.id, actor: merchantActor(request) }));
        } catch (error) {
          await deps.documents.remove(document.id);
          throw error;
        }
        // "Sostituisci": the replaced file goes, once the new one is attached for good.
        if (previousDocumentId) await deps.documents.remove(previousDocumentId);
        const claim = await findClaim(deps.db, structure.id, claimId);
        if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
        return claimDetail(deps.db, deps.documents, claim);
      },
    );

    app.get(
      '/api/claims/:claimId/integration/document',
      { config: { access }, schema: { tags, summary: 'Il documento di integrazione caricato', params: claimParams } },
      async (request, reply) => {
        const { structure } = structureOf(request);
        const claim = await findClaim(deps.db, structure.id, request.params.claimId);
        const integration = claim ? await latestIntegration(deps.db, claim.id) : undefined;
        if (!integration?.document_id) throw new NotFound('Documento di integrazione non trovato.');
        return deps.documents.download(request, integration.document_id, reply, { inline: true });
      },
    );

    app.post(
      '/api/claims/:claimId/integration/submission',
      { config: { access }, schema: { tags, summary: 'Integra documentazione', params: claimParams } },
      async (request) => {
        const { structure } = structureOf(request);
        await submitIntegration(deps, { merchantStructureId: structure.id, claimId: request.params.claimId, actor: merchantActor(request) });
        const claim = await findClaim(deps.db, structure.id, request.params.claimId);
        if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
        return claimDetail(deps.db, deps.documents, claim);
      },
    );
  };
}
