import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../../core/audit/audit.js';
import { structureOf } from '../../../core/identity/access.js';
import { Forbidden } from '../../../platform/http/errors.js';
import { HELPDESK_SERVICE, HELPDESK_SUPERVISION_SERVICE } from '../helpdesk.deps.js';
import type { RequestActor } from '../request-thread.js';

/** Every route of the operators' back office: its service, its tag. */
export const deskRoute = { config: { access: { service: HELPDESK_SERVICE } }, tags: ['assistenza operatori'] } as const;
/** The supervisors' routes (canned replies, figures). */
export const supervisionRoute = { config: { access: { service: HELPDESK_SUPERVISION_SERVICE } }, tags: ['assistenza supervisione'] } as const;

export interface Desk {
  structure: { id: string; name: string; kind: string };
  userId: string;
  userName: string;
  /** A region's desk is the regional help desk: it holds what its agencies forwarded. */
  isRegionalDesk: boolean;
}

/**
 * The queue the caller works: his current structure, a health agency or a region. Every request
 * outside it answers "not found", exactly like a missing one.
 */
export function deskOf(request: FastifyRequest): Desk {
  const { principal, structure } = structureOf(request);
  // The services are granted to agencies and regions only; a misconfigured enablement must not open a queue.
  if (structure.kind !== 'health_agency' && structure.kind !== 'region') {
    throw new Forbidden('helpdesk_structure_only', 'Funzione riservata agli operatori delle aziende sanitarie e dell’assistenza regionale.');
  }
  return {
    structure: { id: structure.id, name: structure.name, kind: structure.kind },
    userId: principal.user.id,
    userName: `${principal.user.givenName} ${principal.user.familyName}`,
    isRegionalDesk: structure.kind === 'region',
  };
}

/** The operator as the actor of a change. */
export function operatorActor(request: FastifyRequest): RequestActor {
  return { kind: 'operator', audit: actorOf(request) };
}

/** The regional desk sending a request to another agency (a transition of its own). */
export function regionalDeskActor(request: FastifyRequest): RequestActor {
  return { kind: 'regional_desk', audit: actorOf(request) };
}
