import type { FastifyInstance } from 'fastify';
import type { HelpdeskDeps } from '../helpdesk.deps.js';

/** The citizen's side of SOL Assistenza (placeholder: being written). */
export function citizenRoutes(_deps: HelpdeskDeps) {
  return async (_app: FastifyInstance) => {};
}
