/**
 * Vouchers ("Voucher Secondogeniti"): the module's one entry point. Other modules and the
 * composition root import only this file.
 */
import type { FastifyInstance } from 'fastify';
import { cancellationsRoutes } from './cancellations.routes.js';
import { movementsRoutes } from './movements.routes.js';
import { vouchersRoutes, type VouchersRoutesDeps } from './vouchers.routes.js';

export { VOUCHER_SERVICE } from './vouchers.routes.js';
export type VouchersDeps = VouchersRoutesDeps;

export function createVouchers(deps: VouchersDeps) {
  const routes = [vouchersRoutes(deps), cancellationsRoutes(deps), movementsRoutes(deps)];
  return {
    routes: async (app: FastifyInstance) => {
      for (const register of routes) await register(app);
    },
  };
}
