import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../core/audit/audit.js';
import { structureOf } from '../../../core/identity/access.js';
import { NotFound } from '../../../platform/http/errors.js';
import type { ClaimActor } from '../change-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { claimDetail, claimListItem, purchaseView } from './claim-view.js';
import { claimPurchase, claimPurchasesPage, findClaim, listClaims } from './claims.repository.js';
import { access, claimParams, pageQuery, purchaseParams, rectifyBody, tags } from './claims.schemas.js';
import { rectifyClaim } from './rectify-claim.js';
import { withdrawClaim } from './withdraw-claim.js';

export const merchantActor = (request: FastifyRequest): ClaimActor => ({ kind: 'merchant', audit: actorOf(request) });

/** "Elenco istanze di rimborso", a claim's detail and transactions, "Rettifica", "Annulla istanza". */
export function claimsRoutes(deps: ClaimsDeps) {
  /** The claim of the current structure, or 404 exactly like a missing one. */
  async function ownClaim(request: FastifyRequest, claimId: string) {
    const { structure } = structureOf(request);
    const claim = await findClaim(deps.db, structure.id, claimId);
    if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
    return claim;
  }

  async function detailOf(request: FastifyRequest, claimId: string) {
    return claimDetail(deps.db, deps.documents, await ownClaim(request, claimId));
  }

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/claims', { config: { access }, schema: { tags, summary: 'Elenco istanze di rimborso', querystring: pageQuery } }, async (request) => {
      const { structure } = structureOf(request);
      const { page, pageSize } = request.query;
      const { rows, total } = await listClaims(deps.db, structure.id, page, pageSize);
      return { items: rows.map(claimListItem), total, page, pageSize };
    });

    app.get('/api/claims/:claimId', { config: { access }, schema: { tags, summary: "Dettaglio dell'istanza di rimborso", params: claimParams } }, (request) =>
      detailOf(request, request.params.claimId),
    );

    app.get(
      '/api/claims/:claimId/transactions',
      { config: { access }, schema: { tags, summary: "Elenco transazioni dell'istanza", params: claimParams, querystring: pageQuery } },
      async (request) => {
        const claim = await ownClaim(request, request.params.claimId);
        const { page, pageSize } = request.query;
        const { rows, total } = await claimPurchasesPage(deps.db, claim.id, page, pageSize);
        return { items: rows.map(purchaseView), total, page, pageSize };
      },
    );

    app.get(
      '/api/claims/:claimId/transactions/:movementId',
      { config: { access }, schema: { tags, summary: 'Dettaglio di una transazione dell’istanza', params: purchaseParams } },
      async (request) => {
        const claim = await ownClaim(request, request.params.claimId);
        const purchase = await claimPurchase(deps.db, claim.id, request.params.movementId);
        if (!purchase) throw new NotFound('Transazione non trovata.');
        return purchaseView(purchase);
      },
    );

    app.get(
      '/api/claims/:claimId/transactions/:movementId/receipt',
      { config: { access }, schema: { tags, summary: 'Scontrino di una transazione dell’istanza', params: purchaseParams } },
      async (request, reply) => {
        const claim = await ownClaim(request, request.params.claimId);
        const purchase = await claimPurchase(deps.db, claim.id, request.params.movementId);
        if (!purchase?.receipt_document_id) throw new NotFound('Scontrino non disponibile.');
        // The receipt belongs to the merchant structure: download() checks it is the caller's and audits the view.
        return deps.documents.download(request, purchase.receipt_document_id, reply, { inline: true });
      },
    );

    app.patch(
      '/api/claims/:claimId',
      { config: { access }, schema: { tags, summary: 'Rettifica IBAN ed e-mail', params: claimParams, body: rectifyBody } },
      async (request) => {
        const { structure } = structureOf(request);
        await rectifyClaim(deps, { merchantStructureId: structure.id, claimId: request.params.claimId, ...request.body, actor: merchantActor(request) });
        return detailOf(request, request.params.claimId);
      },
    );

    app.post(
      '/api/claims/:claimId/withdrawal',
      { config: { access }, schema: { tags, summary: "Annulla l'istanza di rimborso", params: claimParams } },
      async (request) => {
        const { structure } = structureOf(request);
        await withdrawClaim(deps, { merchantStructureId: structure.id, claimId: request.params.claimId, actor: merchantActor(request) });
        return detailOf(request, request.params.claimId);
      },
    );
  };
}
