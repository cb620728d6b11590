/**
 * Help desk "SOL Assistenza" (seed 004): citizens' requests, the health agencies' back office and the
 * regional help desk. The module's one entry point: the composition root imports only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { PeriodicJob } from '../../platform/jobs/periodic-jobs.js';
import { citizenRoutes } from './citizen/citizen.routes.js';
import { closeResolved } from './desk/close-resolved.js';
import { deskRoutes } from './desk/desk.routes.js';
import type { HelpdeskDeps } from './helpdesk.deps.js';

export { seedHelpdeskDemo } from './demo-data.js';
export { HELPDESK_SERVICE, HELPDESK_SUPERVISION_SERVICE, type HelpdeskDeps } from './helpdesk.deps.js';

export function createHelpdesk(deps: HelpdeskDeps) {
  const routes = [citizenRoutes(deps), deskRoutes(deps)];
  return {
    routes: async (app: FastifyInstance) => {
      for (const register of routes) await register(app);
    },
    jobs: [{ name: 'helpdesk.close-resolved', everyMs: 60_000, run: () => closeResolved(deps) }] satisfies PeriodicJob[],
  };
}
