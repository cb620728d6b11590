/**
 * Program administration ("Gestione programmi voucher", region operators): programs, enrolled
 * merchants, beneficiaries' imports that issue the vouchers. Plugged into the vouchers module by
 * its index.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../core/clock/clock.js';
import type { AnyDb } from '../../../platform/db/database.js';
import type { PeriodicJob } from '../../../platform/jobs/periodic-jobs.js';
import { ImportRunner } from './import-runner.js';
import { importsRoutes } from './imports.routes.js';
import { programsRoutes } from './programs.routes.js';

export { PROGRAM_SERVICE } from './program.js';

export interface ProgramAdministrationDeps {
  db: AnyDb;
  clock: Clock;
}

export function createProgramAdministration(deps: ProgramAdministrationDeps) {
  let log: FastifyInstance['log'] | undefined;
  const runner = new ImportRunner({ db: deps.db, clock: deps.clock, log: { error: (o, m) => log?.error(o, m) } });
  const programs = programsRoutes(deps);
  const imports = importsRoutes({ ...deps, runner });
  return {
    runner,
    routes: async (app: FastifyInstance) => {
      log = app.log;
      await programs(app);
      await imports(app);
    },
    /** Imports whose worker died (lease lapsed) are taken over, by whichever instance runs this first. */
    jobs: [{ name: 'vouchers.resume-stalled-imports', everyMs: 15_000, run: () => runner.resumeStalled() }] satisfies PeriodicJob[],
  };
}
