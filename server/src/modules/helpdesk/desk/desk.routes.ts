import type { FastifyInstance } from 'fastify';
import { cannedRoutes } from '../canned/canned.routes.js';
import { figuresRoutes } from '../figures/figures.routes.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { queueRoutes } from './queue.routes.js';
import type { RecentCounts } from './recent-counts.js';
import { requestRoutes } from './request.routes.js';

/** The operators' back office of SOL Assistenza, with the supervisors' canned replies and figures. */
export function deskRoutes(deps: HelpdeskDeps, queueCounts: RecentCounts) {
  const routes = [queueRoutes(deps, queueCounts), requestRoutes(deps), cannedRoutes(deps), figuresRoutes(deps)];
  return async (app: FastifyInstance) => {
    for (const register of routes) await register(app);
  };
}
