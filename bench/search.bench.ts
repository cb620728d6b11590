/**
 * "Ricerca Beneficiario" by codice fiscale (GET /api/vouchers/search) against a bare Fastify route
 * doing one indexed SELECT on the same vouchers table, in a process set up the same way, with the
 * same concurrency, in the same run, on the same 1,000,000 vouchers.
 *
 *   npm run bench:search            (BENCH_SECONDS=10, BENCH_CONCURRENCY=8,64 by default)
 */
import pg from 'pg';
import { BenchClient, signInOperator } from './lib/bench-client.js';
import { BENCH_DATABASE_URL, benchFiscalCode, ensureBenchDatabase, operatorFiscalCode, seedBench, VOUCHERS } from './lib/bench-database.js';
import { cpuMeter, formatCpu } from './lib/cpu.js';
import { closedLoop, formatResult, type LoadResult, ratio } from './lib/load.js';
import { describeMachine } from './lib/machine.js';
import { startServer } from './lib/server-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '8,64').split(',').map(Number);
const log = (line: string) => console.log(line);

const randomFiscalCode = () => benchFiscalCode(Math.floor(Math.random() * VOUCHERS));

async function main() {
  await ensureBenchDatabase(log);
  await seedBench(log);
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 2 });
  log(await describeMachine(pool));
  log(`${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up; each request a random beneficiary of ${VOUCHERS.toLocaleString('en')}`);
  await pool.query('VACUUM ANALYZE vouchers, voucher_movements, audit_log, sessions');
  await pool.end();

  const app = await startServer('app-server');
  const bare = await startServer('bare-server');
  try {
    const maxClients = Math.max(...CONCURRENCY);
    log(`\nsigning in ${maxClients} operators (SPID, demo identity provider)…`);
    const operators: BenchClient[] = [];
    for (let m = 1; m <= maxClients; m += 8) {
      operators.push(...(await Promise.all(Array.from({ length: Math.min(8, maxClients - m + 1) }, (_, k) => signInOperator(app.baseUrl, operatorFiscalCode(m + k))))));
    }
    const bareClients = operators.map(() => new BenchClient(bare.baseUrl, '', ''));

    const results: { concurrency: number; bare: LoadResult; app: LoadResult }[] = [];
    for (const concurrency of CONCURRENCY) {
      log(`\n— ${concurrency} concurrent clients —`);
      let cpu = cpuMeter([bare.pid]);
      const baseline = await closedLoop(
        'bare Fastify: one indexed SELECT',
        bareClients.slice(0, concurrency),
        async (client) => (await client.call('GET', `/bare/search?fiscalCode=${randomFiscalCode()}`)).status === 200,
        { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
      );
      log(formatResult(baseline));
      log(`  ${formatCpu(cpu(), baseline.operations)} (warm-up included)`);

      cpu = cpuMeter([app.pid]);
      const search = await closedLoop(
        'HTTP: Cerca Beneficiario (GET /api/vouchers/search)',
        operators.slice(0, concurrency),
        async (client) => (await client.call('GET', `/api/vouchers/search?fiscalCode=${randomFiscalCode()}`)).status === 200,
        { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
      );
      log(formatResult(search));
      log(`  ${formatCpu(cpu(), search.operations)} (warm-up included)`);
      results.push({ concurrency, bare: baseline, app: search });
    }

    log('\nSummary (ratio = searches/s ÷ bare SELECT route requests/s, same run, same database)');
    for (const r of results) {
      const value = r.app.perSecond / r.bare.perSecond;
      log(`  c=${String(r.concurrency).padStart(2)}: bare ${r.bare.perSecond.toFixed(0)}/s · search ${r.app.perSecond.toFixed(0)}/s = ${ratio(r.app.perSecond, r.bare.perSecond)} (target ≥ 0.6×: ${value >= 0.6 ? 'met' : 'MISSED'})`);
    }
    for (const client of [...operators, ...bareClients]) client.close();
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
  }
}

await main();
