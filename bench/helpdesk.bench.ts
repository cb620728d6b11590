/**
 * SOL Assistenza's queue with 1,000,000 requests (issue 6): the agency's first page and a full-text
 * search, each at 8 concurrent operators, against a bare Fastify route doing one indexed SELECT of
 * the first page of the same agency's queue, in a process set up the same way, in the same run.
 * Target: p99 ≤ 50 ms at 8 concurrent operators.
 *
 *   npx tsx bench/helpdesk.bench.ts      (BENCH_SECONDS=10, BENCH_CONCURRENCY=8 by default;
 *                                         BENCH_HELPDESK_CASES=first,common,rare to run fewer)
 *
 * Its own database (BENCH_HELPDESK_DATABASE_URL, default sportello_bench_helpdesk), created,
 * migrated and seeded set-based when missing (about 2 minutes), then reused; the indexes of
 * helpdesk_requests are kept equal to those the migration declares. The server is
 * bench/lib/app-server.ts (the real application) on that database; operators sign in through the
 * demo SPID provider, as in the other benches.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { BenchClient, signInOperator } from './lib/bench-client.js';
import { cpuMeter, formatCpu } from './lib/cpu.js';
import { COMMON_WORD, HELPDESK_BENCH_DATABASE_URL, HELPDESK_REQUESTS, helpdeskOperatorFiscalCode, OPERATORS, RARE_WORD, seedHelpdeskBench } from './lib/helpdesk-database.js';
import { closedLoop, formatResult, type LoadResult, ratio } from './lib/load.js';
import { describeMachine } from './lib/machine.js';
import { startServer } from './lib/server-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '8').split(',').map(Number);
const TARGET_P99_MS = 50;
const log = (line: string) => console.log(line);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const ALL_CASES = [
  { name: 'first', label: 'queue, first page (default filters)', query: '' },
  { name: 'common', label: `search q=${COMMON_WORD} (1 in 4 requests)`, query: `?q=${COMMON_WORD}` },
  { name: 'rare', label: `search q=${RARE_WORD} (1 in 10,000)`, query: `?q=${RARE_WORD}` },
] as const;
// BENCH_HELPDESK_CASES=first (or common, rare, comma-separated) runs only those, e.g. to profile one.
const only = process.env.BENCH_HELPDESK_CASES?.split(',');
const CASES = ALL_CASES.filter((c) => !only || only.includes(c.name));

async function main() {
  const ids = await seedHelpdeskBench(log);
  const pool = new pg.Pool({ connectionString: HELPDESK_BENCH_DATABASE_URL, max: 2 });
  log(await describeMachine(pool));
  const queued = Number((await pool.query('SELECT count(*) AS n FROM helpdesk_requests WHERE queue_structure_id = $1', [ids.bigAgency])).rows[0].n);
  log(`${HELPDESK_REQUESTS.toLocaleString('en')} requests, ${queued.toLocaleString('en')} in the big agency's queue; ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up`);
  log(`load average before: ${load()}`);
  await pool.query('VACUUM ANALYZE helpdesk_requests, sessions');
  await pool.end();

  const env = { BENCH_DATABASE_URL: HELPDESK_BENCH_DATABASE_URL };
  const app = await startServer('app-server', env);
  const bare = await startServer('bare-server', env);
  try {
    log(`\nsigning in ${OPERATORS} operators of the big agency (SPID, demo identity provider)…`);
    const operators = await Promise.all(Array.from({ length: OPERATORS }, (_, k) => signInOperator(app.baseUrl, helpdeskOperatorFiscalCode(k + 1))));
    const bareClients = operators.map(() => new BenchClient(bare.baseUrl, '', ''));

    // One look at what each case answers, before timing it.
    for (const c of CASES) {
      const answer = await operators[0]!.call('GET', `/api/assistenza/desk/requests${c.query}`);
      if (answer.status !== 200) throw new Error(`${c.label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      const counts = Object.entries(answer.body.counts as Record<string, number>)
        .map(([s, n]) => `${s} ${n}${(answer.body.cappedCounts as string[]).includes(s) ? '+' : ''}`)
        .join(', ');
      log(`  ${c.label}: ${answer.body.items.length} rows on the page, total ${answer.body.total}${answer.body.totalCapped ? '+' : ''} (${counts})`);
    }

    const results: { concurrency: number; label: string; bare: LoadResult; app: LoadResult }[] = [];
    for (const concurrency of CONCURRENCY) {
      log(`\n— ${concurrency} concurrent operators —`);
      for (const c of CASES) {
        // The baseline again before each case: on a shared machine the load moves within minutes.
        let cpu = cpuMeter([bare.pid]);
        const baseline = await closedLoop(
          'bare Fastify: one indexed SELECT (first page)',
          bareClients.slice(0, concurrency),
          async (client) => (await client.call('GET', `/bare/helpdesk-queue?structureId=${ids.bigAgency}`)).status === 200,
          { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
        );
        log(formatResult(baseline));
        log(`  ${formatCpu(cpu(), baseline.operations)} (warm-up included)`);

        cpu = cpuMeter([app.pid]);
        const measured = await closedLoop(
          `HTTP: ${c.label}`,
          operators.slice(0, concurrency),
          async (client) => (await client.call('GET', `/api/assistenza/desk/requests${c.query}`)).status === 200,
          { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
        );
        log(formatResult(measured));
        log(`  ${formatCpu(cpu(), measured.operations)} (warm-up included); load average ${load()}`);
        results.push({ concurrency, label: c.label, bare: baseline, app: measured });
      }
    }

    log(`\nSummary (ratio = requests/s ÷ bare SELECT route requests/s, same run, same database; target p99 ≤ ${TARGET_P99_MS} ms at 8)`);
    for (const r of results) {
      const met = r.app.p99 <= TARGET_P99_MS ? 'met' : 'MISSED';
      log(
        `  c=${String(r.concurrency).padStart(2)} ${r.label.padEnd(38)} ${r.app.perSecond.toFixed(0).padStart(5)}/s p50 ${r.app.p50.toFixed(1)} p99 ${r.app.p99.toFixed(1)} ms` +
          ` · bare ${r.bare.perSecond.toFixed(0)}/s p99 ${r.bare.p99.toFixed(1)} ms = ${ratio(r.app.perSecond, r.bare.perSecond)}` +
          (r.concurrency === 8 ? ` (p99 target: ${met})` : ''),
      );
    }
    log(`load average after: ${load()}`);
    for (const client of [...operators, ...bareClients]) client.close();
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
  }
}

await main();
