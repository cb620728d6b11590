/**
 * "Conferma e salva" of a reimbursement claim over 100,000 purchases: POST /api/claims through
 * HTTP, end to end (session, checks, INSERT ... SELECT of the purchases, totals, history, audit,
 * outbox, commit), against the bare aggregate the claim's totals come from, run by a plain
 * PostgreSQL client in the same run on the same data. Target: under 2 s.
 *
 *   npm run bench:claims            (or: npx tsx bench/claims.bench.ts)
 *
 * It runs on a database of its own (BENCH_CLAIMS_DATABASE_URL, default sportello_bench_claims),
 * created, migrated and seeded set-based when missing. The server runs in its own Node process, as
 * bench/lib/app-server.ts builds it, but with a clock moved into the next filing window when today
 * is outside one (claims may be filed only in April, August and December).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import type { Clock } from '../server/src/core/clock/clock.js';
import { filingWindowAt } from '../server/src/modules/claims/claim-window.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { MIGRATION_SOURCES } from '../server/src/platform/db/migrations.js';
import { romeDate } from '../server/src/shared/dates.js';
import { signInOperator } from './lib/bench-client.js';
import { benchFiscalCode } from './lib/bench-database.js';
import { describeMachine } from './lib/machine.js';
import { freePort, rssOf } from './lib/server-process.js';

const DATABASE_URL = process.env.BENCH_CLAIMS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sportello_bench_claims';
const PURCHASES = Number(process.env.BENCH_CLAIM_PURCHASES ?? 100_000);
const RUNS = Number(process.env.BENCH_CLAIM_RUNS ?? 3);
/** One purchase in twenty more is cancelled: the claim must leave it out. */
const CANCELLED = Math.round(PURCHASES / 20);
const VOUCHERS = 20_000;
const MERCHANT = 'Bench Esercente Istanze';
const REGION = 'Bench Regione';
const OWNER = benchFiscalCode(3_000_001);
const IBAN = 'IT60X0542811101000000123456';
const TARGET_SECONDS = 2;
const log = (line: string) => console.log(line);

/** The system clock, moved to noon (UTC) of the next window's first day when no window is open. */
function filingClock(): Clock {
  const { open, window } = filingWindowAt(new Date());
  const offset = open ? 0 : Date.parse(`${window.opens}T12:00:00Z`) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** Server mode: the application on the claims bench database, with the filing clock. */
async function serve(): Promise<void> {
  const port = Number(process.env.PORT);
  const documentsDir = mkdtempSync(join(tmpdir(), 'sportello-bench-documents-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    DEMO: 'true',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL,
    LOG_LEVEL: 'silent',
    DOCUMENTS_DIR: documentsDir,
  });
  const database = openDatabase(DATABASE_URL);
  const clock = filingClock();
  const { app } = await buildApp({ config, database, clock, realClock: clock, webDist: '/nonexistent' });
  await app.listen({ port, host: '127.0.0.1' });
  console.log(JSON.stringify({ ready: port }));
  process.on('SIGTERM', () => {
    setTimeout(() => process.exit(0), 2000).unref();
    void app.close().finally(() =>
      database.close().finally(() => {
        rmSync(documentsDir, { recursive: true, force: true });
        process.exit(0);
      }),
    );
  });
}

async function startServer(): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, PORT: String(port), CLAIMS_BENCH_SERVER: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"ready"')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          process.off('exit', orphan);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function ensureDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  try {
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) {
      log(`creating database ${name}`);
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  try {
    const applied = await migrate(pool, MIGRATION_SOURCES);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  } finally {
    await pool.end();
  }
}

/**
 * One region, its program, one merchant whose owner may use "Istanza di rimborso", 20,000
 * vouchers, and PURCHASES confirmed purchases (+5% cancelled ones) from June to November 2026 —
 * all before any day the claim is filed on. Set-based; reused when present.
 */
async function seed(pool: pg.Pool): Promise<{ merchantId: string; regionId: string }> {
  const existing = (await pool.query('SELECT id FROM organisations WHERE name = $1', [MERCHANT])).rows[0]?.id as string | undefined;
  const regionId = (await pool.query('SELECT id FROM organisations WHERE name = $1', [REGION])).rows[0]?.id as string | undefined;
  if (existing && regionId) {
    const n = Number((await pool.query("SELECT count(*) AS n FROM voucher_movements WHERE merchant_structure_id = $1 AND kind = 'acquisto'", [existing])).rows[0].n);
    if (n === PURCHASES + CANCELLED) return { merchantId: existing, regionId };
    throw new Error(`${DATABASE_URL} holds ${n} purchases, not ${PURCHASES + CANCELLED}: drop it to seed again`);
  }
  log(`seeding ${PURCHASES.toLocaleString('en')} confirmed purchases (+${CANCELLED.toLocaleString('en')} cancelled) of one merchant…`);
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const region = (await client.query("INSERT INTO organisations (kind, name) VALUES ('region', $1) RETURNING id", [REGION])).rows[0].id;
    const merchant = (await client.query("INSERT INTO organisations (kind, name) VALUES ('merchant', $1) RETURNING id", [MERCHANT])).rows[0].id;
    const owner = (
      await client.query("INSERT INTO users (fiscal_code, given_name, family_name, email) VALUES ($1, 'Titolare', 'Bench', 'titolare.bench@example.it') RETURNING id", [OWNER])
    ).rows[0].id;
    await client.query("INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'owner')", [merchant, owner]);
    // By right for an owner; associated explicitly too, so the bench does not depend on how sessions grant it.
    await client.query("INSERT INTO membership_services (organisation_id, user_id, service_code) VALUES ($1, $2, 'istanza-rimborso')", [merchant, owner]);
    const program = (
      await client.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months, region_structure_id) VALUES ('Bench Voucher Istanze', 10000000, 60, $1) RETURNING id", [region])
    ).rows[0].id;
    await client.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program, merchant]);
    await client.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       SELECT 'VI-' || lpad(i::text, 7, '0'), $1, 'BNCBN90A01F' || lpad(i::text, 5, '0'), '80381' || lpad(i::text, 15, '0'), 'Nome', 'Beneficiario ' || i,
              '+39' || (3100000000 + i)::text, 10000000, 10000000, '2026-01-01', '2030-12-31'
         FROM generate_series(0, $2::int - 1) AS i`,
      [program, VOUCHERS],
    );
    const total = PURCHASES + CANCELLED;
    await client.query(
      `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, idempotency_key, created_by, created_at, confirmed_at)
       SELECT v.id, $1, 'acquisto', 'confermato', 100 + (i * 37) % 25000, 'bench-claim-' || i, $2, at, at
         FROM generate_series(0, $3::int - 1) AS i
        CROSS JOIN LATERAL (SELECT '2026-06-01 08:00 Europe/Rome'::timestamptz + (i * (15552000.0 / $3::int)) * interval '1 second' AS at) t
         JOIN vouchers v ON v.code = 'VI-' || lpad((i % $4::int)::text, 7, '0')`,
      [merchant, owner, total, VOUCHERS],
    );
    // Every twenty-first purchase cancelled the same day, ten minutes later.
    await client.query(
      `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, purchase_id, idempotency_key, created_by, created_at, confirmed_at)
       SELECT voucher_id, merchant_structure_id, 'cancellazione', 'confermato', amount_cents, id, 'bench-claim-c-' || idempotency_key, created_by,
              created_at + interval '10 minutes', created_at + interval '10 minutes'
         FROM (SELECT *, row_number() OVER (ORDER BY created_at) AS r FROM voucher_movements WHERE merchant_structure_id = $1) p
        WHERE r % 21 = 0
        LIMIT $2`,
      [merchant, CANCELLED],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE vouchers, voucher_movements, voucher_programs');
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { merchantId: merchant, regionId: region };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The merchant's claims go, so that the next run files the same claim again. */
async function resetClaims(pool: pg.Pool, merchantId: string): Promise<void> {
  const claims = 'SELECT id FROM claims WHERE merchant_structure_id = $1';
  await pool.query(`DELETE FROM claim_purchases WHERE claim_id IN (${claims})`, [merchantId]);
  await pool.query(`DELETE FROM claim_history WHERE claim_id IN (${claims})`, [merchantId]);
  await pool.query(`DELETE FROM claim_integrations WHERE claim_id IN (${claims})`, [merchantId]);
  await pool.query('DELETE FROM claims WHERE merchant_structure_id = $1', [merchantId]);
  await pool.query('VACUUM ANALYZE claim_purchases, claims');
}

/** The bare aggregate over the same purchases: what the claim's totals are, computed alone. */
const BASELINE = `
  SELECT count(*)::int AS n, sum(m.amount_cents)::bigint AS cents, min(m.created_at) AS first_at, max(m.created_at) AS last_at
    FROM voucher_movements m
   WHERE m.merchant_structure_id = $1 AND m.kind = 'acquisto' AND m.status = 'confermato'
     AND m.created_at < ($2::date::timestamp AT TIME ZONE 'Europe/Rome')
     AND NOT EXISTS (SELECT 1 FROM voucher_movements c WHERE c.purchase_id = m.id AND c.kind = 'cancellazione' AND c.status = 'confermato')`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  await ensureDatabase();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  const { merchantId, regionId } = await seed(pool);
  log(await describeMachine(pool));
  const claimDay = romeDate(filingClock().now());
  log(`claim filed on ${claimDay} (Rome${claimDay === romeDate(new Date()) ? '' : ', clock moved into the next filing window'}); ${RUNS} run(s)\n`);
  await resetClaims(pool, merchantId);

  const server = await startServer();
  try {
    const owner = await signInOperator(server.baseUrl, OWNER);
    const bare: number[] = [];
    const http: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      let started = performance.now();
      const totals = (await pool.query(BASELINE, [merchantId, claimDay])).rows[0];
      bare.push((performance.now() - started) / 1000);
      if (totals.n !== PURCHASES) throw new Error(`the baseline counts ${totals.n} purchases, not ${PURCHASES}`);

      const rssBefore = rssOf(server.pid);
      started = performance.now();
      const filed = await owner.call('POST', '/api/claims', { regionStructureId: regionId, iban: IBAN, email: 'titolare.bench@example.it' });
      http.push((performance.now() - started) / 1000);
      if (filed.status !== 201) throw new Error(`POST /api/claims answered ${filed.status}: ${JSON.stringify(filed.body)}`);
      const claim = (await pool.query('SELECT amount_cents, purchase_count FROM claims WHERE id = $1', [filed.body.id])).rows[0];
      if (claim.purchase_count !== PURCHASES || Number(claim.amount_cents) !== Number(totals.cents)) {
        throw new Error(`the claim holds ${claim.purchase_count} purchases for ${claim.amount_cents} cents; the baseline says ${totals.n} for ${totals.cents}`);
      }
      log(
        `run ${run}: bare aggregate ${(bare.at(-1)! * 1000).toFixed(0).padStart(5)} ms · POST /api/claims ${(http.at(-1)! * 1000).toFixed(0).padStart(5)} ms` +
          ` (claim n. ${filed.body.number}: ${PURCHASES.toLocaleString('en')} purchases, ${(Number(totals.cents) / 100).toLocaleString('it-IT')} €; server RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssOf(server.pid) / 2 ** 20).toFixed(0)} MB)`,
      );
      await resetClaims(pool, merchantId);
    }
    const h = median(http);
    const b = median(bare);
    log(`\nSummary (medians of ${RUNS}; same run, same database)`);
    log(`  POST /api/claims over ${PURCHASES.toLocaleString('en')} purchases: ${(h * 1000).toFixed(0)} ms (target < ${TARGET_SECONDS} s: ${h < TARGET_SECONDS ? 'met' : 'MISSED'})`);
    log(`  bare aggregate (count, sum, min, max … NOT EXISTS cancellation): ${(b * 1000).toFixed(0)} ms`);
    log(`  ratio POST ÷ aggregate: ${(h / b).toFixed(1)}×`);
    owner.close();
  } finally {
    await server.stop();
    await pool.end();
  }
}

if (process.env.CLAIMS_BENCH_SERVER) await serve();
else await main();
