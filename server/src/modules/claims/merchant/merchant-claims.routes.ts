import type { FastifyInstance } from 'fastify';
import type { ClaimsDeps } from '../claims.deps.js';
import { claimsRoutes } from './claims.routes.js';
import { filingRoutes } from './filing.routes.js';
import { integrationRoutes } from './integration.routes.js';

/** "Istanza di rimborso" for the merchant (seed 000 §09), in his current structure. */
export function merchantClaimsRoutes(deps: ClaimsDeps) {
  const routes = [filingRoutes(deps), claimsRoutes(deps), integrationRoutes(deps)];
  return async (app: FastifyInstance) => {
    for (const register of routes) await register(app);
  };
}
