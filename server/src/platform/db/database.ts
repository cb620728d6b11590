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
  /**
   * A few connections of their own whose planner settings are `settings` (e.g. enable_seqscan off):
   * for a read whose plan must be steered where statistics cannot, in one statement — no
   * transaction and SET LOCAL around it. Created on first use, kept per distinct settings.
   */
  tuned(settings: PlannerSettings): Kysely<any>;
  close(): Promise<void>;
}

/** Planner switches only: they change how a statement runs, never what it returns. */
export type PlannerSettings = Partial<Record<'enable_seqscan' | 'enable_indexscan' | 'enable_bitmapscan' | 'enable_sort', 'on' | 'off'>>;

const TUNED_POOL_SIZE = 3;

export function openDatabase(url: string, max = 10): Database {
  const pool = newPool(url, max);
  // biome-ignore lint: untyped at the root; modules narrow it
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  // biome-ignore lint: as kysely
  const tuned = new Map<string, Kysely<any>>();
  return {
    kysely,
    pool,
    tuned(settings) {
      const options = Object.entries(settings)
        .map(([name, value]) => `-c ${name}=${value}`)
        .sort()
        .join(' ');
      let db = tuned.get(options);
      if (!db) {
        db = new Kysely({ dialect: new PostgresDialect({ pool: newPool(url, TUNED_POOL_SIZE, options) }) });
        tuned.set(options, db);
      }
      return db;
    },
    close: async () => {
      await Promise.all([...tuned.values()].map((db) => db.destroy()));
      await kysely.destroy();
    },
  };
}

function newPool(url: string, max: number, options?: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, ...(options ? { options } : {}) });
  // An idle client's error (PostgreSQL restarting) must not crash the process: the pool drops
  // that client and the next query gets a fresh connection.
  pool.on('error', (error) => console.error(`PostgreSQL: connessione inattiva persa (${error.message})`));
  return pool;
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
