import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { structuresByIds } from '../../../core/organisations/index.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { periodOfClaim } from './claim-detail.js';
import { regionOf, reviewRoute } from './review-access.js';
import { merchantIdsOf, queuePage, statusCounts } from './review.repository.js';
import { queueQuery } from './review.schemas.js';

/** "Valutazione istanze": the region's queue, with its filters and the count of each status. */
export function reviewQueueRoutes(deps: ClaimsDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/claims-review',
      {
        config: reviewRoute.config,
        schema: { tags: [...reviewRoute.tags], summary: 'Istanze di rimborso da valutare (filtri, conteggi per stato)', querystring: queueQuery },
      },
      async (request) => {
        const { region } = regionOf(request);
        const { page, pageSize, order, status, year, index, merchantId } = request.query;
        // The counts honour every filter but the status: they label the status tabs.
        const others = { year, index, merchantId };
        const [list, counts, merchantIds] = await Promise.all([
          queuePage(deps.db, region.id, { ...others, status }, { page, pageSize, order }),
          statusCounts(deps.db, region.id, others),
          merchantIdsOf(deps.db, region.id),
        ]);
        const names = await structuresByIds(deps.db, merchantIds);
        const nameOf = (id: string) => names.get(id)?.name ?? '';
        return {
          items: list.rows.map((c) => ({
            id: c.id,
            number: c.number,
            merchantId: c.merchant_structure_id,
            merchantName: nameOf(c.merchant_structure_id),
            period: periodOfClaim(c),
            amountCents: c.amount_cents,
            purchaseCount: c.purchase_count,
            status: c.status,
            statusLabel: CLAIM_STATUSES[c.status as ClaimStatus].label,
            requestedAt: c.created_at.toISOString(),
            integrationDeadline: c.status === 'da_integrare' ? (c.integration_deadline ?? null) : null,
          })),
          total: list.total,
          page,
          pageSize,
          counts,
          merchants: merchantIds
            .map((id) => ({ id, name: nameOf(id) }))
            .sort((a, b) => a.name.localeCompare(b.name, 'it') || a.id.localeCompare(b.id)),
        };
      },
    );
  };
}
