import type { FastifyInstance } from 'fastify';
import type { ClaimsDeps } from '../claims.deps.js';

/** "Istanza di rimborso" for the merchant (placeholder: being written). */
export function merchantClaimsRoutes(_deps: ClaimsDeps) {
  return async (_app: FastifyInstance) => {};
}
