import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../../core/audit/audit.js';
import { structureOf } from '../../../core/identity/access.js';
import { Forbidden } from '../../../platform/http/errors.js';
import type { ClaimActor } from '../change-status.js';
import { CLAIMS_REVIEW_SERVICE } from '../claims.deps.js';

/** Every route of the region's back office: its service, its tag. */
export const reviewRoute = { config: { access: { service: CLAIMS_REVIEW_SERVICE } }, tags: ['valutazione istanze'] } as const;

/**
 * The region the caller works for. A region sees only the claims it pays (region_structure_id):
 * any other claim answers "not found", exactly like a missing one.
 */
export function regionOf(request: FastifyRequest) {
  const { principal, structure } = structureOf(request);
  // The service is granted to regions only; a misconfigured enablement must not open the queue.
  if (structure.kind !== 'region') throw new Forbidden('region_only', 'Funzione riservata agli operatori della Regione.');
  return { principal, region: structure };
}

/** The region's evaluator as the actor of a status change. */
export function regionActor(request: FastifyRequest): ClaimActor {
  return { kind: 'region', audit: actorOf(request) };
}
