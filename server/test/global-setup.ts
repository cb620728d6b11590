import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { migrate } from '../src/platform/db/migrate.js';
import { MIGRATION_SOURCES } from '../src/platform/db/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { adminUrl: string; template: string; label: string; runId: number };
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.href;
}

/**
 * One PostgreSQL per test run: the embedded one (a fresh data directory), or the external one of
 * DATABASE_URL for the project named "server-external". Migrations run once into a template
 * database; every test file gets its own copy of it.
 */
export default async function setup(project: TestProject) {
  const external = project.name.endsWith('external');
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required for the external project');
    adminUrl = process.env.DATABASE_URL;
  } else {
    const parent = mkdtempSync(join(tmpdir(), 'sportello-test-'));
    chmodSync(parent, 0o755); // PostgreSQL runs as its own user when we are root
    const dir = join(parent, 'pg');
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    adminUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      rmSync(join(dir, '..'), { recursive: true, force: true });
    };
  }
  const template = `sportello_tpl_${process.pid}_${project.name.replace(/\W/g, '_')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  await migrate(pool, MIGRATION_SOURCES);
  await pool.end();
  project.provide("database", { adminUrl, template, label: external ? "external" : "embedded", runId: process.pid });

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`t_${process.pid}_%`, template],
    );
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await stop();
  };
}
