/**
 * Reimbursement claims ("Istanza di rimborso", seed 000 §09): the merchant files, corrects,
 * integrates or withdraws his claims; the region evaluates them and forwards the approved ones for
 * the payment decree. The module's one entry point: the composition root imports only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { PeriodicJob } from '../../platform/jobs/periodic-jobs.js';
import type { ClaimsDeps } from './claims.deps.js';
import { merchantClaimsRoutes } from './merchant/merchant-claims.routes.js';
import { expireIntegrations } from './review/expire-integrations.js';
import { reviewRoutes } from './review/review.routes.js';

export { type DemoClaimsOptions, seedClaimsDemo } from './demo-data.js';
export { CLAIMS_REVIEW_SERVICE, CLAIMS_SERVICE, type ClaimsDeps } from './claims.deps.js';

export function createClaims(deps: ClaimsDeps) {
  const routes = [merchantClaimsRoutes(deps), reviewRoutes(deps)];
  return {
    routes: async (app: FastifyInstance) => {
      for (const register of routes) await register(app);
    },
    jobs: [{ name: 'claims.expire-integrations', everyMs: 60_000, run: () => expireIntegrations(deps) }] satisfies PeriodicJob[],
  };
}
