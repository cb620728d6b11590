/**
 * "Esporta movimenti" of 1,000,000 movements of one merchant over HTTP (CSV, then XLSX): rows per
 * second against `COPY (the export's own query) TO STDOUT` run by psql on the same database in the
 * same run, and the peak resident memory of the server process during each export.
 *
 *   npm run bench:export            (BENCH_EXPORT_RUNS=3 by default)
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { exportQuery } from '../server/src/modules/vouchers/export/movement-batches.js';
import type { VoucherTables } from '../server/src/modules/vouchers/vouchers.tables.js';
import { signInOperator } from './lib/bench-client.js';
import { BENCH_DATABASE_URL, benchIds, ensureBenchDatabase, EXPORT_OPERATOR, EXPORT_PERIOD, seedBench } from './lib/bench-database.js';
import { cpuMeter, formatCpu } from './lib/cpu.js';
import { describeMachine } from './lib/machine.js';
import { type ServerProcess, startServer } from './lib/server-process.js';

const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const PSQL = process.env.PSQL ?? 'psql';
const MB = 1024 * 1024;
const log = (line: string) => console.log(line);

/** The compiled query with its parameters written in (COPY takes no parameters). */
function inline(compiled: { sql: string; parameters: readonly unknown[] }): string {
  return compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = compiled.parameters[Number(n) - 1];
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}

interface Timing {
  seconds: number;
  bytes: number;
}

/** psql runs COPY (query) TO STDOUT as CSV with ";" into /dev/null: PostgreSQL's own fastest export. */
function copyBaseline(query: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let bytes = 0;
    const psql = spawn(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', BENCH_DATABASE_URL, '-c', `COPY (${query}) TO STDOUT WITH (FORMAT csv, DELIMITER ';', HEADER)`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    psql.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    psql.on('error', reject);
    psql.on('exit', (code) => (code === 0 ? resolve({ seconds: (performance.now() - started) / 1000, bytes }) : reject(new Error(`psql exited with ${code}`))));
  });
}

/** Downloads the export as a browser would, counting bytes, while sampling the server's memory. */
function download(server: ServerProcess, cookie: string, format: 'csv' | 'xlsx', period = EXPORT_PERIOD): Promise<Timing & { peakRss: number; startRss: number }> {
  const url = new URL(`/api/vouchers/movements/export?from=${period.from}&to=${period.to}&format=${format}`, server.baseUrl);
  const startRss = server.rss();
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rss())), 10);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let bytes = 0;
    const req = request(url, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        clearInterval(sampler);
        peakRss = Math.max(peakRss, server.rss());
        resolve({ seconds: (performance.now() - started) / 1000, bytes, peakRss, startRss });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function main() {
  await ensureBenchDatabase(log);
  await seedBench(log);
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 2 });
  log(await describeMachine(pool));
  const { exportMerchant } = await benchIds(pool);
  await pool.query('VACUUM ANALYZE voucher_movements, vouchers');
  const db = new Kysely<VoucherTables>({ dialect: new PostgresDialect({ pool }) });
  const query = exportQuery(db, exportMerchant, EXPORT_PERIOD);
  const rows = Number((await pool.query(`SELECT count(*) AS n FROM (${inline(query.compile())}) q`)).rows[0].n);
  log(`export of "${EXPORT_PERIOD.from} – ${EXPORT_PERIOD.to}": ${rows.toLocaleString('en')} movements; ${RUNS} run(s) of each\n`);

  const server = await startServer('app-server');
  try {
    const operator = await signInOperator(server.baseUrl, EXPORT_OPERATOR);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let start-up settle before measuring memory
    // The export's closing audit row is written once its stream has ended: wait for it a little.
    let seenAudits = 0;
    const audited = async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const { rows } = await pool.query(
          "SELECT count(*) OVER () AS n, after FROM audit_log WHERE action = 'voucher.movements.export.end' AND structure_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1",
          [exportMerchant],
        );
        if (rows[0] && Number(rows[0].n) > seenAudits) {
          seenAudits = Number(rows[0].n);
          return rows[0].after;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return undefined;
    };
    seenAudits = Number((await pool.query("SELECT count(*) AS n FROM audit_log WHERE action = 'voucher.movements.export.end' AND structure_id = $1", [exportMerchant])).rows[0].n);

    // Memory does not follow the size of the export: one month (about 83,000 movements) first.
    const monthRss = server.rss();
    const month = await download(server, operator.cookieHeader, 'csv', { from: '2024-06-01', to: '2024-06-30' });
    log(`server RSS at rest ${(monthRss / MB).toFixed(0)} MB; CSV of June 2024 (${(await audited())?.rows} rows): peak ${(month.peakRss / MB).toFixed(0)} MB`);

    const copies: Timing[] = [];
    const exports: Record<'csv' | 'xlsx', (Timing & { peakRss: number; startRss: number })[]> = { csv: [], xlsx: [] };
    for (let run = 1; run <= RUNS; run++) {
      const copy = await copyBaseline(inline(query.compile()));
      copies.push(copy);
      log(`COPY … TO STDOUT (psql)   ${(rows / copy.seconds).toFixed(0).padStart(8)} rows/s  ${copy.seconds.toFixed(2)} s  ${(copy.bytes / MB).toFixed(1)} MB`);
      for (const format of ['csv', 'xlsx'] as const) {
        const cpu = cpuMeter([server.pid]);
        const r = await download(server, operator.cookieHeader, format);
        const end = await audited();
        if (!end?.completed || end.rows !== rows) throw new Error(`the ${format} export is incomplete: ${JSON.stringify(end)}`);
        exports[format].push(r);
        log(
          `HTTP export ${format.toUpperCase().padEnd(4)}           ${(rows / r.seconds).toFixed(0).padStart(8)} rows/s  ${r.seconds.toFixed(2)} s  ${(r.bytes / MB).toFixed(1)} MB` +
            `  server RSS ${(r.startRss / MB).toFixed(0)} → peak ${(r.peakRss / MB).toFixed(0)} MB  (${formatCpu(cpu(), rows / 1000).replace('per operation', 'per 1,000 rows')})`,
        );
      }
    }

    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    };
    const copyRate = rows / median(copies.map((c) => c.seconds));
    log('\nSummary (medians; ratio = export rows/s ÷ COPY rows/s, same run, same database)');
    for (const format of ['csv', 'xlsx'] as const) {
      const rate = rows / median(exports[format].map((r) => r.seconds));
      const peak = Math.max(...exports[format].map((r) => r.peakRss));
      log(
        `  ${format.toUpperCase().padEnd(4)}: ${rate.toFixed(0)} rows/s vs COPY ${copyRate.toFixed(0)} rows/s = ${(rate / copyRate).toFixed(2)}× (target ≥ 0.3×: ${rate / copyRate >= 0.3 ? 'met' : 'MISSED'})` +
          ` · peak server RSS ${(peak / MB).toFixed(0)} MB (target ≤ 300 MB: ${peak <= 300 * MB ? 'met' : 'MISSED'})`,
      );
    }
    operator.close();
  } finally {
    await server.stop();
    await db.destroy();
  }
}

await main();
