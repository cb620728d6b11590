import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

// Timestamps and dates come back as JS Dates; bigint counts (COUNT(*)) as numbers, they stay small.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Calendar dates (DATE) stay "YYYY-MM-DD" strings: a Date object would drag a time zone into them.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db<T> = Kysely<T>;
export type Tx<T> = Transaction<T>;
/**
 * A use case spanning several owners' tables within the core passes this to each repository, which
 * narrows it to its own tables (Kysely's types are invariant in the table map).
 */
// biome-ignore lint: see above
export type AnyDb = Kysely<any>;

export interface Database {
  /** Typed query builder; each module narrows it to the tables it owns. */
  // biome-ignore lint: the composition root holds every module's tables
  kysely: Kysely<any>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's error (PostgreSQL restarting) must not crash the process: the pool drops
  // that client and the next query gets a fresh connection.
  pool.on('error', (error) => console.error(`PostgreSQL: connessione inattiva persa (${error.message})`));
  // biome-ignore lint: untyped at the root; modules narrow it
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    pool,
    close: () => kysely.destroy(),
  };
}

/** True when PostgreSQL answers; used by the health endpoint. */
export async function pingDatabase(pool: pg.Pool): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
