import { resolve } from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, type Config, loadConfig } from './config.js';
import { systemClock } from './core/clock/clock.js';
import { SimulatedClock } from './core/clock/simulated-clock.js';
import { createNotificationWorker, type DemoMailServer, type NotificationWorker, startDemoMailServer } from './core/notifications/index.js';
import { DEMO_IDENTITIES, DEMO_PASSWORD, DEMO_PIN } from './demo/identities.js';
import { DEMO_ACCOUNTS, DEMO_ADMIN, seedCoreDemo } from './demo/seed.js';
import { DEMO_BENEFICIARIES, DEMO_PROGRAM } from './modules/vouchers/index.js';
import { DiskDocumentStore } from './core/documents/index.js';
import { openDatabase } from './platform/db/database.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './platform/db/embedded-postgres.js';
import { migrate } from './platform/db/migrate.js';
import { type RunningJobs, startPeriodicJobs } from './platform/jobs/periodic-jobs.js';
import { MIGRATION_SOURCES } from './platform/db/migrations.js';

async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`Avvio di PostgreSQL incorporato (dati in ${resolve(config.dataDir, 'postgres')}, porta ${config.embeddedPgPort})…`);
    embedded = await startEmbeddedPostgres(resolve(config.dataDir, 'postgres'), config.embeddedPgPort);
    databaseUrl = embedded.url;
  }
  const database = openDatabase(databaseUrl, 10, { preparedStatements: config.preparedStatements });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nArresto di Sportello…');
    await worker?.stop().catch(() => {});
    await jobs?.stop().catch(() => {});
    await mailServer?.close().catch(() => {});
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  let app: Awaited<ReturnType<typeof buildApp>>['app'] | undefined;
  let worker: NotificationWorker | undefined;
  let mailServer: DemoMailServer | undefined;
  let jobs: RunningJobs | undefined;
  try {
    const applied = await migrate(database.pool, MIGRATION_SOURCES);
    if (applied.length > 0) console.log(`Migrazioni applicate: ${applied.join(', ')}`);
    // In demo mode the rules read the "Data simulata" an administrator may set; never in production.
    const clock = config.demo ? new SimulatedClock(database.pool) : systemClock;
    if (clock instanceof SimulatedClock) await clock.refresh(true);
    // The modules' demo data is dated from the clock's today; demo receipts go where documents do.
    const demoModules = { clock, documentStore: new DiskDocumentStore(config.documentsDir) };
    if (config.demo && (await seedCoreDemo(database.kysely, demoModules))) console.log('Dati dimostrativi caricati.');
    const built = await buildApp({ config, database, clock, realClock: systemClock });
    app = built.app;
    await app.listen({ port: config.port, host: config.host });
    // Demo mode: e-mail goes to the embedded SMTP server (SMTP_URL defaults to it), shown at /demo/inbox.
    if (config.demo) mailServer = await startDemoMailServer(database.kysely, { port: config.demoSmtpPort });
    // The outbox worker runs beside the API (server/src/worker.ts runs it alone, to scale it apart).
    worker = createNotificationWorker({ config, database, clock: systemClock, log: app.log });
    await worker.start();
    jobs = startPeriodicJobs(built.jobs, app.log);
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }
  printBanner(config, Boolean(embedded));
}

function printBanner(config: Config, embedded: boolean) {
  const lines = [
    '',
    `Sportello è in esecuzione: ${config.publicUrl}`,
    `  Documentazione API: ${config.publicUrl}/api/docs`,
    `  Database: ${embedded ? 'PostgreSQL incorporato' : 'PostgreSQL esterno (DATABASE_URL)'}`,
  ];
  if (config.demo) {
    lines.push(
      '',
      'Modalità dimostrativa. Utenti di prova:',
      `  SPID / CIE: "Entra con SPID" su ${config.publicUrl}/accedi, poi scegli l'identità nel provider dimostrativo:`,
      ...DEMO_IDENTITIES.map((i) => `    ${i.fiscalCode}  ${`${i.givenName} ${i.familyName}`.padEnd(20)} ${i.description}`),
      `  Credenziali (password "${DEMO_PASSWORD}", PIN "${DEMO_PIN}" dove richiesto):`,
      ...DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(20)} ${a.description}`),
      `    ${DEMO_ADMIN.username.padEnd(20)} Amministratore della piattaforma (password + PIN)`,
      `  Beneficiari di "${DEMO_PROGRAM.name}" da cercare in "Ricerca Beneficiario" (date relative al primo avvio):`,
      ...DEMO_BENEFICIARIES.map((b) => `    ${b.fiscalCode}  TS ${b.healthCardNumber}  ${`${b.givenName} ${b.familyName}`.padEnd(18)} ${b.code}  ${b.description}`),
      '  Istanze di rimborso: Mario Rossi (titolare, Farmacia Centrale) le inserisce da "Istanza di rimborso" nell\'ultimo mese',
      '    del quadrimestre (aprile, agosto, dicembre: altrimenti spostare la data simulata); Luca Romano (Regione Campania) le valuta',
      '    da "Valutazione istanze di rimborso" e le inoltra per decreto di pagamento (file SEPA pain.001).',
      `  E-mail e SMS inviati (non escono dal computer): ${config.publicUrl}/demo/inbox`,
    );
  }
  lines.push('', 'Ctrl-C per arrestare.', '');
  console.log(lines.join('\n'));
}

void main();
