import type pg from 'pg';

export interface RateWindow {
  /** Hits counted in the current window, this one included. */
  hits: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, so that every instance of the server shares them.
 * `now` comes from the platform clock.
 */
export class RateLimiter {
  constructor(private readonly pool: pg.Pool) {}

  /** Counts one hit on `key` in a window of `windowSeconds` and returns the window's state. */
  async hit(key: string, windowSeconds: number, now: Date): Promise<RateWindow> {
    const { rows } = await this.pool.query<{ hits: number; window_start: Date }>(
      `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE r.hits + 1 END,
         window_start = CASE WHEN r.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2 ELSE r.window_start END
       RETURNING hits, window_start`,
      [key, now, windowSeconds],
    );
    return this.toWindow(rows[0]!, windowSeconds, now);
  }

  /** The window's state without counting a hit (zero hits when there is none or it has passed). */
  async peek(key: string, windowSeconds: number, now: Date): Promise<RateWindow> {
    const { rows } = await this.pool.query<{ hits: number; window_start: Date }>(
      `SELECT hits, window_start FROM rate_limits
        WHERE key = $1 AND window_start > $2::timestamptz - make_interval(secs => $3)`,
      [key, now, windowSeconds],
    );
    return rows[0] ? this.toWindow(rows[0], windowSeconds, now) : { hits: 0, retryAfterSeconds: 0 };
  }

  async reset(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }

  private toWindow(row: { hits: number; window_start: Date }, windowSeconds: number, now: Date): RateWindow {
    const ends = row.window_start.getTime() + windowSeconds * 1000;
    return { hits: row.hits, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
  }
}
