/**
 * Vouchers ("Voucher Secondogeniti"): the module's one entry point. Other modules and the
 * composition root import only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { PeriodicJob } from '../../platform/jobs/periodic-jobs.js';
import { cancellationsRoutes } from './cancellations.routes.js';
import { citizenVouchersRoutes } from './citizen/citizen-vouchers.routes.js';
import { movementsExportRoutes } from './export/movements-export.routes.js';
import { movementsRoutes } from './movements.routes.js';
import { createProgramAdministration } from './programs/index.js';
import { releaseStaleHolds } from './purchases.js';
import { receiptsRoutes } from './receipts.routes.js';
import { vouchersRoutes, type VouchersRoutesDeps } from './vouchers.routes.js';

export { VOUCHER_SERVICE } from './vouchers.routes.js';
export { DEMO_BENEFICIARIES, DEMO_PROGRAM, type DemoVoucherMerchants, seedVouchersDemo } from './demo-data.js';
export type VouchersDeps = VouchersRoutesDeps;
export { type ClaimablePurchase, type ClaimablePurchasesFilter, claimablePurchases } from './claimable-purchases.js';

export function createVouchers(deps: VouchersDeps) {
  const programs = createProgramAdministration(deps);
  const routes = [vouchersRoutes(deps), cancellationsRoutes(deps), movementsRoutes(deps), movementsExportRoutes(deps), receiptsRoutes(deps), citizenVouchersRoutes(deps), programs.routes];
  return {
    routes: async (app: FastifyInstance) => {
      for (const register of routes) await register(app);
    },
    /** Purchases left "in attesa" release their hold once their day (Rome, on the one clock) is over. */
    jobs: [{ name: 'vouchers.release-stale-holds', everyMs: 60_000, run: () => releaseStaleHolds(deps.db, deps.clock) }, ...programs.jobs] satisfies PeriodicJob[],
  };
}
