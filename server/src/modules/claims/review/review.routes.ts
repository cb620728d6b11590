import type { FastifyInstance } from 'fastify';
import type { ClaimsDeps } from '../claims.deps.js';
import { paymentBatchesRoutes } from './payment-batches.routes.js';
import { reviewClaimRoutes } from './review-claim.routes.js';
import { reviewQueueRoutes } from './review-queue.routes.js';

/** The region's back office ("Valutazione istanze di rimborso"): queue, decisions, payment batches. */
export function reviewRoutes(deps: ClaimsDeps) {
  const routes = [reviewQueueRoutes(deps), paymentBatchesRoutes(deps), reviewClaimRoutes(deps)];
  return async (app: FastifyInstance) => {
    for (const register of routes) await register(app);
  };
}
