import type { FastifyInstance } from 'fastify';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { catalogueRoutes } from './catalogue.routes.js';
import { filingRoutes } from './filing.routes.js';
import { threadRoutes } from './thread.routes.js';

/** The citizen's side of SOL Assistenza: the form, his requests, the thread by signed link (README.md). */
export function citizenRoutes(deps: HelpdeskDeps) {
  const groups = [catalogueRoutes(deps), filingRoutes(deps), threadRoutes(deps)];
  return async (app: FastifyInstance) => {
    for (const register of groups) await register(app);
  };
}
