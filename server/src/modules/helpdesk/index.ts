/**
 * Help desk "SOL Assistenza" (seed 004): citizens' requests, the health agencies' back office and the
 * regional help desk. The module's one entry point: the composition root imports only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { PeriodicJob } from '../../platform/jobs/periodic-jobs.js';
import { citizenRoutes } from './citizen/citizen.routes.js';
import { closeResolved } from './desk/close-resolved.js';
import { deskRoutes } from './desk/desk.routes.js';
import { RecentCounts } from './desk/recent-counts.js';
import type { HelpdeskDeps } from './helpdesk.deps.js';

export { seedHelpdeskDemo } from './demo-data.js';
export { HELPDESK_SERVICE, HELPDESK_SUPERVISION_SERVICE, type HelpdeskDeps } from './helpdesk.deps.js';

export function createHelpdesk(deps: HelpdeskDeps) {
  const queueCounts = new RecentCounts();
  const routes = [citizenRoutes(deps), deskRoutes(deps, queueCounts)];
  return {
    routes: async (app: FastifyInstance) => {
      // Whatever the help desk's API changed, the counts remembered for the queues are forgotten.
      app.addHook('onResponse', async (request, reply) => {
        if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) queueCounts.forget();
      });
      for (const register of routes) await register(app);
    },
    jobs: [
      {
        name: 'helpdesk.close-resolved',
        everyMs: 60_000,
        run: async () => {
          const closed = await closeResolved(deps);
          if (closed > 0) queueCounts.forget();
          return closed;
        },
      },
    ] satisfies PeriodicJob[],
  };
}
