import type { FastifyInstance } from 'fastify';
import type { HelpdeskDeps } from '../helpdesk.deps.js';

/** The operators' back office of SOL Assistenza (placeholder: being written). */
export function deskRoutes(_deps: HelpdeskDeps) {
  return async (_app: FastifyInstance) => {};
}
