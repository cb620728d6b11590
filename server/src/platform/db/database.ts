import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { createHash } from 'node:crypto';
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

export function openDatabase(url: string, max = 10, options: { preparedStatements?: boolean } = {}): Database {
  const prepare = options.preparedStatements ?? true;
  const pool = newPool(url, max, undefined, prepare);
  // biome-ignore lint: untyped at the root; modules narrow it
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  // biome-ignore lint: as kysely
  const tuned = new Map<string, Kysely<any>>();
  return {
    kysely,
    pool,
    tuned(settings) {
      // A steered read depends on its values (a rare word or a frequent one): planned for them at
      // every execution even when prepared, never with a generic plan (which took a rare word's
      // search from 2 ms to 67 ms of PostgreSQL's CPU).
      const options = [...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`), '-c plan_cache_mode=force_custom_plan'].sort().join(' ');
      let db = tuned.get(options);
      if (!db) {
        db = new Kysely({ dialect: new PostgresDialect({ pool: newPool(url, TUNED_POOL_SIZE, options, prepare) }) });
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

function newPool(url: string, max: number, options: string | undefined, prepare: boolean): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, ...(options ? { options } : {}) });
  if (prepare) preparingHotStatements(pool);
  // An idle client's error (PostgreSQL restarting) must not crash the process: the pool drops
  // that client and the next query gets a fresh connection.
  pool.on('error', (error) => console.error(`PostgreSQL: connessione inattiva persa (${error.message})`));
  return pool;
}

/** Executions of the same statement text in this process after which it is prepared. */
const HOT_AFTER = 3;
/** Statement texts counted at most (past it the counts start again). */
const TEXTS_COUNTED = 5_000;
/** Named statements per connection at most: each holds its parse tree and plans in its backend. */
const PREPARED_PER_CONNECTION = 300;

/**
 * Statements run often are prepared on each connection (a named statement): PostgreSQL parses and
 * plans them once per connection instead of at every execution — planning a short statement on
 * the tables with many indexes costs 0.5–0.75 ms of PostgreSQL's CPU, ten times executing it
 * (bench/RESULTS.md). Only parameterised statements (Kysely's), only once a text has run
 * HOT_AFTER times in the process; PostgreSQL keeps choosing between the statement's generic plan
 * and one for the values (plan_cache_mode auto). The name is the text's hash, so the same text is
 * the same statement on every connection.
 */
function preparingHotStatements(pool: pg.Pool): void {
  const runs = new Map<string, { count: number; name: string | null }>();
  pool.on('connect', (client) => {
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const [text, values] = args;
      if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return query(...args);
      let run = runs.get(text);
      if (!run) {
        if (runs.size >= TEXTS_COUNTED) runs.clear();
        run = { count: 0, name: null };
        runs.set(text, run);
      }
      run.count += 1;
      if (run.count < HOT_AFTER) return query(text, values);
      run.name ??= `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      if (!prepared.has(run.name)) {
        if (prepared.size >= PREPARED_PER_CONNECTION) return query(text, values);
        prepared.add(run.name);
      }
      return query({ name: run.name, text, values });
    }) as typeof client.query;
  });
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
