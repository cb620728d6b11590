import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';

/** A module's migrations: plain SQL files in `dir`, applied in name order, forward only. */
export interface MigrationSource {
  module: string;
  dir: string;
}

/**
 * Applies every pending migration, each in its own transaction, under an advisory lock so that
 * several instances starting together apply each file once.
 */
export async function migrate(pool: pg.Pool, sources: MigrationSource[]): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      module text NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (module, name))`);
    for (const source of sources) {
      const done = new Set(
        (await client.query('SELECT name FROM schema_migrations WHERE module = $1', [source.module])).rows.map(
          (r: { name: string }) => r.name,
        ),
      );
      const files = (await readdir(source.dir)).filter((f) => f.endsWith('.sql')).sort();
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = await readFile(join(source.dir, file), 'utf8');
        try {
          await client.query('BEGIN');
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (module, name) VALUES ($1, $2)', [source.module, file]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${source.module}/${file} failed: ${(error as Error).message}`);
        }
        applied.push(`${source.module}/${file}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
    client.release();
  }
  return applied;
}
