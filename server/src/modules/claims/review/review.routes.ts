import type { FastifyInstance } from 'fastify';
import type { ClaimsDeps } from '../claims.deps.js';

/** The region's back office (placeholder: being written). */
export function reviewRoutes(_deps: ClaimsDeps) {
  return async (_app: FastifyInstance) => {};
}
