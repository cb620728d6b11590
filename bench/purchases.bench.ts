/**
 * Confirmed purchases per second through HTTP, 8 and 64 concurrent merchants, on 1,000,000
 * vouchers: (a) the OTP-verify step ("Verifica Codice", which confirms the held purchase) and
 * (b) the whole flow ("Usa per acquisto" + "Salva e invia OTP", then "Verifica Codice"), against
 * pgbench running the minimal purchase transaction on the same database with as many clients.
 *
 *   npm run bench:purchases            (BENCH_SECONDS=10 BENCH_VERIFY_PURCHASES=6000 by default)
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { samplePdf } from '../server/src/core/documents/documents.samples.js';
import { type BenchClient, signInOperator } from './lib/bench-client.js';
import { BENCH_DATABASE_URL, benchIds, ensureBenchDatabase, MERCHANTS, operatorFiscalCode, seedBench, VOUCHERS } from './lib/bench-database.js';
import { closedLoop, formatResult, type LoadResult, ratio } from './lib/load.js';
import { cpuMeter, formatCpu } from './lib/cpu.js';
import { describeMachine } from './lib/machine.js';
import { runPgbench } from './lib/pgbench.js';
import { startServer } from './lib/server-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const VERIFY_PURCHASES = Number(process.env.BENCH_VERIFY_PURCHASES ?? 6000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '8,64').split(',').map(Number);
const SERVER_PROCESSES = Number(process.env.BENCH_SERVER_PROCESSES ?? 1);
const AMOUNT_CENTS = 100;
const PGBENCH_MERCHANT = '00000000-0000-4000-8000-00000000b0b0';
/** A small, valid PDF: what a till's scanner would send, checked by content like any receipt. */
const RECEIPT = samplePdf('Scontrino n. 42 - Farmacia - 1,00 EUR');

/** The minimal purchase: conditional UPDATE of the balance, INSERT of the movement, in one transaction. */
const PGBENCH_SCRIPT = `\\set n random(0, ${VOUCHERS - 1})
BEGIN;
UPDATE vouchers SET available_cents = available_cents - ${AMOUNT_CENTS}
 WHERE code = 'VB-' || lpad(:n::text, 7, '0') AND available_cents >= ${AMOUNT_CENTS}
   AND activation_date <= current_date AND expiry_date >= current_date
RETURNING id AS voucher_id \\gset
INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, idempotency_key, created_by, created_at, confirmed_at)
VALUES (:voucher_id, :merchant, 'acquisto', 'confermato', ${AMOUNT_CENTS}, gen_random_uuid()::text, :merchant, now(), now());
COMMIT;
`;

const log = (line: string) => console.log(line);

interface Pending {
  movementId: string;
  challengeId: string;
  code: string;
}

async function main() {
  await ensureBenchDatabase(log);
  await seedBench(log);
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 8 });
  log(await describeMachine(pool));
  log(`server: ${SERVER_PROCESSES} process(es), pool of 10 connections each; ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up`);
  const ids = await benchIds(pool);
  // Earlier runs' messages: no worker delivers them here (see app-server.ts), so they only pile up.
  await pool.query("DELETE FROM outbox_messages WHERE status = 'pending' AND template IN ('otp-code', 'voucher-movement')");
  // Fresh statistics, as autovacuum keeps them (earlier runs added movements to these merchants).
  await pool.query('VACUUM ANALYZE outbox_messages, voucher_movements, otp_challenges, rate_limits, audit_log');

  // Vouchers in a random order, each used once in this run: distinct beneficiaries, as at real tills.
  const voucherIds: string[] = (await pool.query('SELECT id FROM vouchers WHERE program_id = $1 ORDER BY random() LIMIT 300000', [ids.program])).rows.map((r) => r.id);
  let nextVoucher = 0;
  const takeVoucher = () => {
    if (nextVoucher >= voucherIds.length) throw new Error('out of vouchers: raise the LIMIT');
    return voucherIds[nextVoucher++]!;
  };

  // One process by default; BENCH_SERVER_PROCESSES=2 runs two identical instances (as a deployment
  // scales out), the merchants' clients spread over them as a load balancer would.
  const servers = await Promise.all(Array.from({ length: SERVER_PROCESSES }, () => startServer('app-server')));
  const server = servers[0]!;
  try {
    log(`\nsigning in ${MERCHANTS} operators (SPID, demo identity provider)…`);
    const operators: BenchClient[] = [];
    for (let m = 1; m <= MERCHANTS; m += 8) {
      operators.push(...(await Promise.all(Array.from({ length: Math.min(8, MERCHANTS - m + 1) }, (_, k) => signInOperator(server.baseUrl, operatorFiscalCode(m + k), servers[(m + k - 1) % servers.length]!.baseUrl)))));
    }

    let failures = 0;
    const codeOf = async (challengeId: string): Promise<string> => {
      const { rows } = await pool.query("SELECT data->>'code' AS code FROM outbox_messages WHERE idempotency_key = $1", [`otp:${challengeId}`]);
      return rows[0].code;
    };
    /**
     * "Usa per acquisto": the receipt (scontrino) is attached first, then "Salva e invia OTP" holds the
     * amount and queues the code for the beneficiary.
     */
    const create = async (client: BenchClient) => {
      const voucherId = takeVoucher();
      const receipt = await client.upload(`/api/vouchers/${voucherId}/receipts`, { name: 'scontrino.pdf', type: 'application/pdf', bytes: RECEIPT });
      if (receipt.status !== 201) {
        if (failures++ < 3) log(`  receipt answered ${receipt.status}: ${JSON.stringify(receipt.body).slice(0, 300)}`);
        return null;
      }
      const r = await client.call('POST', `/api/vouchers/${voucherId}/purchases`, {
        amountCents: AMOUNT_CENTS,
        idempotencyKey: randomUUID(),
        receiptDocumentId: receipt.body.id,
      });
      if (r.status === 201) return { movementId: r.body.movement.id as string, challengeId: r.body.challengeId as string };
      if (failures++ < 3) log(`  create answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
      return null;
    };
    const confirm = async (client: BenchClient, p: Pending) => {
      const r = await client.call('POST', `/api/vouchers/purchases/${p.movementId}/confirm`, { challengeId: p.challengeId, code: p.code });
      return r.status === 200;
    };

    let cpu: ReturnType<typeof cpuMeter>;
    const results: Record<number, { pgbench: LoadResult; verify: LoadResult; flow: LoadResult }> = {};
    for (const concurrency of CONCURRENCY) {
      const clients = operators.slice(0, concurrency);
      log(`\n— ${concurrency} concurrent merchants —`);

      cpu = cpuMeter([]);
      const pgbench = await runPgbench({
        label: 'pgbench: minimal purchase transaction',
        url: BENCH_DATABASE_URL,
        script: PGBENCH_SCRIPT,
        clients: concurrency,
        seconds: SECONDS,
        // Its own merchant id: the HTTP merchants' movements stay theirs.
        variables: { merchant: PGBENCH_MERCHANT },
      });
      log(formatResult(pgbench));
      log(`  ${formatCpu(cpu(), pgbench.operations).replace('server 0.00 ms · ', '').replace('load generator', 'pgbench')}`);

      // (a) Prepare held purchases with their codes (read where the demo SMS goes: the outbox), then
      // time only "Verifica Codice". Codes live 180 s: preparing and confirming fit in that.
      const perClient = Math.ceil(VERIFY_PURCHASES / concurrency);
      const queues = new Map<BenchClient, Pending[]>();
      const prepareStart = Date.now();
      await Promise.all(
        clients.map(async (client) => {
          const created = [];
          for (let i = 0; i < perClient; i++) {
            const c = await create(client);
            if (!c) throw new Error('a purchase could not be created');
            created.push(c);
          }
          const { rows } = await pool.query("SELECT idempotency_key, data->>'code' AS code FROM outbox_messages WHERE idempotency_key = ANY($1)", [
            created.map((c) => `otp:${c.challengeId}`),
          ]);
          const codes = new Map(rows.map((r) => [r.idempotency_key as string, r.code as string]));
          queues.set(
            client,
            created.map((c) => ({ ...c, code: codes.get(`otp:${c.challengeId}`)! })),
          );
        }),
      );
      log(`  (${perClient * concurrency} purchases held in ${((Date.now() - prepareStart) / 1000).toFixed(1)} s)`);
      cpu = cpuMeter(servers.map((s) => s.pid));
      const verify = await closedLoop(
        'HTTP: Verifica Codice (confirms the purchase)',
        clients,
        async (client) => {
          const next = queues.get(client)!.shift();
          return next ? confirm(client, next) : null;
        },
        { seconds: 3600 },
      );
      log(formatResult(verify));
      log(`  ${formatCpu(cpu(), verify.operations)}`);

      // (b) The whole flow, as at the till: create and hold, read the SMS code, confirm.
      cpu = cpuMeter(servers.map((s) => s.pid));
      const flow = await closedLoop(
        'HTTP: Usa per acquisto + OTP + Verifica Codice',
        clients,
        async (client) => {
          const c = await create(client);
          if (!c) return false;
          return confirm(client, { ...c, code: await codeOf(c.challengeId) });
        },
        { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
      );
      log(formatResult(flow));
      log(`  ${formatCpu(cpu(), flow.operations)} (warm-up included)`);
      results[concurrency] = { pgbench, verify, flow };
    }

    log('\nSummary (ratio = HTTP confirmed purchases/s ÷ pgbench transactions/s, same run, same database)');
    for (const [concurrency, r] of Object.entries(results)) {
      const verifyRatio = r.verify.perSecond / r.pgbench.perSecond;
      const flowRatio = r.flow.perSecond / r.pgbench.perSecond;
      log(
        `  c=${concurrency.padStart(2)}: pgbench ${r.pgbench.perSecond.toFixed(0)}/s · verify ${r.verify.perSecond.toFixed(0)}/s = ${ratio(r.verify.perSecond, r.pgbench.perSecond)} (target ≥ 0.5×: ${verifyRatio >= 0.5 ? 'met' : 'MISSED'})` +
          ` · whole flow ${r.flow.perSecond.toFixed(0)}/s = ${ratio(r.flow.perSecond, r.pgbench.perSecond)} (target ≥ 0.3×: ${flowRatio >= 0.3 ? 'met' : 'MISSED'})` +
          (Number(concurrency) === 8 ? ` · verify p99 ${r.verify.p99.toFixed(2)} ms (target ≤ 10 ms: ${r.verify.p99 <= 10 ? 'met' : 'MISSED'})` : ''),
      );
    }
    for (const client of operators) client.close();
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pool.end();
  }
}

await main();
