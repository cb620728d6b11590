import { ConfigError, type Config, loadConfig } from './config.js';
import { systemClock } from './core/clock/clock.js';
import { createNotificationWorker } from './core/notifications/index.js';
import { openDatabase } from './platform/db/database.js';

/**
 * The outbox worker alone, to run more of them than API instances (`npm start` already runs one
 * inside the API). Same configuration as the API; it needs DATABASE_URL (the embedded PostgreSQL
 * belongs to the API process) and leaves migrations to the API.
 */
async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
    if (!config.databaseUrl) throw new ConfigError(['DATABASE_URL is required to run the worker on its own']);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = openDatabase(config.databaseUrl, 4, { preparedStatements: config.preparedStatements });
  const json = (o: object) => JSON.stringify(o, (_key, value: unknown) => (value instanceof Error ? value.message : value));
  const log = {
    info: (o: object, m: string) => console.log(m, json(o)),
    warn: (o: object, m: string) => console.warn(m, json(o)),
    error: (o: object, m: string) => console.error(m, json(o)),
  };
  const worker = createNotificationWorker({ config, database, clock: systemClock, log });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await worker.start();
  console.log('Sportello: invio delle notifiche in esecuzione. Ctrl-C per arrestare.');
}

void main();
