import type pg from 'pg';
import { type Clock, systemClock } from './clock.js';

/**
 * The demo and test "Data simulata": the real time plus an offset an administrator sets, kept in
 * PostgreSQL so that every instance and every restart sees the same date. Never built in production.
 */
export class SimulatedClock implements Clock {
  private offsetMs = 0;
  private refreshedAt = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly base: Clock = systemClock,
  ) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  get isSimulated(): boolean {
    return this.offsetMs !== 0;
  }

  /** Picks up a change made by another instance; at most once a second. */
  async refresh(force = false): Promise<void> {
    const real = this.base.now().getTime();
    if (!force && real - this.refreshedAt < 1000) return;
    this.refreshedAt = real;
    const { rows } = await this.pool.query<{ offset_ms: string }>('SELECT offset_ms FROM simulated_clock WHERE id');
    this.offsetMs = Number(rows[0]?.offset_ms ?? 0);
  }

  /** Sets the simulated date; `null` goes back to the real time. */
  async set(date: Date | null, userId: string): Promise<void> {
    const offset = date ? date.getTime() - this.base.now().getTime() : 0;
    await this.pool.query(
      `INSERT INTO simulated_clock (id, offset_ms, set_by, set_at) VALUES (true, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET offset_ms = $1, set_by = $2, set_at = now()`,
      [offset, userId],
    );
    this.offsetMs = offset;
  }

  async advance(seconds: number, userId: string): Promise<void> {
    await this.set(new Date(this.now().getTime() + seconds * 1000), userId);
  }
}
