/**
 * A bench server process: the real application (buildApp) on the bench database, as main.ts builds
 * it, minus what runs beside the API (outbox worker, periodic jobs, demo SMTP server: in production
 * they may run in their own process, server/src/worker.ts). The rules read the system clock, as in
 * production; demo mode stays on only for the demo SPID provider the operators sign in with.
 * Prints {"ready": port} when listening.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { systemClock } from '../../server/src/core/clock/clock.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { BENCH_DATABASE_URL } from './bench-database.js';

const port = Number(process.env.PORT);
// Receipts uploaded by the bench go to a temporary directory, removed on exit.
const documentsDir = mkdtempSync(join(tmpdir(), 'sportello-bench-documents-'));
const config = loadConfig({
  NODE_ENV: 'development',
  DEMO: 'true',
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: BENCH_DATABASE_URL,
  LOG_LEVEL: 'silent',
  DOCUMENTS_DIR: documentsDir,
});
const database = openDatabase(BENCH_DATABASE_URL);
const { app } = await buildApp({
  config,
  database,
  clock: systemClock,
  realClock: systemClock,
  webDist: '/nonexistent',
  // A handful of operators confirm thousands of purchases a minute: only the per-operator sending
  // limit is raised (every voucher has its own phone, whose limit stays as in production).
  benchOtpSendLimits: { perPhone: 5, perOperator: 1_000_000_000 },
});
await app.listen({ port, host: '127.0.0.1' });
console.log(JSON.stringify({ ready: port, memory: process.memoryUsage() }));
if (process.env.BENCH_DEBUG) {
  setInterval(() => {
    const m = process.memoryUsage();
    console.error(`memory: rss ${(m.rss / 2 ** 20).toFixed(0)} heap ${(m.heapUsed / 2 ** 20).toFixed(0)}/${(m.heapTotal / 2 ** 20).toFixed(0)} external ${(m.external / 2 ** 20).toFixed(0)} buffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MB`);
  }, 500).unref();
}
process.on('SIGTERM', () => {
  setTimeout(() => process.exit(0), 2000).unref();
  void app.close().finally(() =>
    database.close().finally(() => {
      rmSync(documentsDir, { recursive: true, force: true });
      process.exit(0);
    }),
  );
});
