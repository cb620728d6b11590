import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock/clock.js';
import { SimulatedClock } from '../src/core/clock/simulated-clock.js';
import type { RegisteredRoute } from '../src/core/identity/access.js';
import { createNotificationWorker, type DemoMailServer, type NotificationWorker, startDemoMailServer } from '../src/core/notifications/index.js';
import { seedCoreDemo } from '../src/demo/seed.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { freePort } from './global-setup.js';

export interface TestApp {
  baseUrl: string;
  app: FastifyInstance;
  routes: RegisteredRoute[];
  database: TestDatabase;
  /** Real time of the test: moves sessions, rate limits and (through the offset) the simulated date. */
  clock: ManualClock;
  /** The rules' clock: the manual clock plus the "Data simulata" offset an administrator sets. */
  simulatedClock: SimulatedClock;
  /** The outbox worker, running (woken by each enqueue); `drain()` delivers what is due at once. */
  worker: NotificationWorker;
  /** The demo SMTP server of this app (demo mode): what it receives is in demo_mailbox and /api/demo/inbox. */
  mailServer: DemoMailServer | null;
  /** Where this app keeps uploaded files (a temporary directory, removed by close()). */
  documentsDir: string;
  close(): Promise<void>;
}

/**
 * The whole platform on a real port and a database of its own, with the demo data and the demo
 * identity provider — so logins make the real OpenID Connect round trip.
 */
export async function startTestApp(options: { env?: Record<string, string>; webDist?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedCoreDemo(database.kysely);
  const port = await freePort();
  const smtpPort = await freePort();
  const documentsDir = mkdtempSync(join(tmpdir(), 'sportello-test-documents-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    DEMO_SMTP_PORT: String(smtpPort),
    // Uploaded files of this app only, removed with it: never the repository's ./data.
    DOCUMENTS_DIR: documentsDir,
    ...options.env,
  });
  const clock = new ManualClock();
  const simulatedClock = new SimulatedClock(database.pool, clock);
  const { app, routes } = await buildApp({ config, database, clock: simulatedClock, realClock: clock, webDist: options.webDist ?? '/nonexistent' });
  await app.listen({ port, host: '127.0.0.1' });
  const mailServer = config.demo ? await startDemoMailServer(database.kysely, { port: config.demoSmtpPort }) : null;
  const worker = createNotificationWorker({ config, database, clock });
  await worker.start();
  return {
    baseUrl: config.publicUrl,
    app,
    routes,
    database,
    clock,
    simulatedClock,
    worker,
    mailServer,
    documentsDir: config.documentsDir,
    async close() {
      await worker.stop();
      await mailServer?.close();
      await app.close();
      await database.drop();
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}
