import { type Kysely, sql } from 'kysely';
import type { NotificationTables, OutboxRow } from './notifications.tables.js';

/**
 * SQL only: the worker's side of the outbox. Every change after the claim is fenced by the lease
 * (`locked_until`) it was claimed with, so a worker that lost its message to another does nothing.
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<NotificationTables>) {}

  /**
   * Takes up to `limit` due messages — pending ones whose time has come, and 'sending' ones whose
   * lease ran out (their worker died) — marking them 'sending' until `leaseUntil`. SKIP LOCKED:
   * concurrent workers take disjoint batches.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
    const result = await sql<OutboxRow>`
      UPDATE outbox_messages m
         SET status = 'sending', locked_until = ${leaseUntil}, attempts = m.attempts + 1
        FROM (SELECT id FROM outbox_messages
               WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}))
                  OR (status = 'sending' AND locked_until <= ${now})
               ORDER BY next_attempt_at NULLS FIRST, created_at
               LIMIT ${limit}
               FOR UPDATE SKIP LOCKED) due
       WHERE m.id = due.id
      RETURNING m.*`.execute(this.db);
    return result.rows;
  }

  async markSent(id: string, lease: Date, providerId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('outbox_messages')
      .set({ status: 'sent', provider_id: providerId, sent_at: now, locked_until: null, last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('locked_until', '=', lease)
      .execute();
  }

  async scheduleRetry(id: string, lease: Date, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('outbox_messages')
      .set({ status: 'pending', next_attempt_at: nextAttemptAt, locked_until: null, last_error: error })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('locked_until', '=', lease)
      .execute();
  }

  async markFailed(id: string, lease: Date, error: string): Promise<void> {
    await this.db
      .updateTable('outbox_messages')
      .set({ status: 'failed', locked_until: null, last_error: error })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('locked_until', '=', lease)
      .execute();
  }
}
