import type { Kysely } from 'kysely';
import type { PgListener } from '../../platform/db/pg-listener.js';
import type { Clock } from '../clock/clock.js';
import { type Channels, PermanentDeliveryError } from './channels.js';
import type { NotificationTables, OutboxRow } from './notifications.tables.js';
import { OUTBOX_CHANNEL } from './outbox.js';
import { OutboxRepository } from './outbox.repository.js';

export interface WorkerOptions {
  batchSize: number;
  /** Also woken at once by the NOTIFY of every enqueue; the poll catches retries and lost signals. */
  pollIntervalMs: number;
  /** How long a claimed message is ours; past it another worker takes it again. Longer than any send. */
  leaseMs: number;
  /** Attempts before a message is 'failed'. */
  maxAttempts: number;
  /** Wait before the n-th retry: backoffBaseMs × 2^(n-1) (30 s, 1 min, 2 min … 32 min). */
  backoffBaseMs: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  batchSize: 10,
  pollIntervalMs: 1000,
  leaseMs: 2 * 60_000,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
};

export interface WorkerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

const silentLog: WorkerLog = { info: () => {}, warn: () => {}, error: () => {} };

export interface WorkerDeps {
  db: Kysely<NotificationTables>;
  channels: Channels;
  /** Real time: leases and backoff must not jump with a simulated date. */
  clock: Clock;
  /** To be woken by enqueues; without it the worker only polls. */
  listener?: PgListener;
  log?: WorkerLog;
  options?: Partial<WorkerOptions>;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, 1000);
}

/**
 * Delivers the outbox: claims due messages, hands each to its channel, records the outcome.
 * At least once towards the providers, exactly once for the recipient: every delivery carries the
 * message's idempotency key, on which providers drop a repeat.
 */
export class NotificationWorker {
  readonly options: WorkerOptions;
  private readonly repository: OutboxRepository;
  private readonly log: WorkerLog;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly deps: WorkerDeps) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...deps.options };
    this.repository = new OutboxRepository(deps.db);
    this.log = deps.log ?? silentLog;
  }

  /** Starts polling and listening; resolves once it listens (so an enqueue right after wakes it). */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.deps.listener) {
      try {
        this.unlisten = await this.deps.listener.listen(OUTBOX_CHANNEL, () => this.wake());
      } catch (error) {
        this.log.warn({ err: error }, 'outbox: LISTEN failed, polling only');
      }
    }
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops taking messages and waits for the batch in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    await this.running;
    await Promise.all(Object.values(this.deps.channels).map((c) => c.close?.()));
  }

  /** Delivers what is due now, batch after batch, unless a run is already under way (it will go on). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.runOnce()) === this.options.batchSize);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.log.error({ err: error }, 'outbox: run failed');
      } finally {
        this.running = null;
      }
    })();
  }

  /** Claims one batch of due messages and delivers it; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    const lease = new Date(now.getTime() + this.options.leaseMs);
    const batch = await this.repository.claimDue(now, lease, this.options.batchSize);
    const results = await Promise.allSettled(batch.map((message) => this.process(message, lease)));
    for (const result of results) {
      // Recording the outcome failed (database gone?): the lease will expire and the message be taken again.
      if (result.status === 'rejected') this.log.error({ err: result.reason }, 'outbox: could not record a delivery');
    }
    return batch.length;
  }

  /** Runs batches until nothing is due (tests, and the demo's "send now"). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  private async process(message: OutboxRow, lease: Date): Promise<void> {
    const { maxAttempts, backoffBaseMs } = this.options;
    const context = { id: message.id, channel: message.channel, template: message.template, attempt: message.attempts };
    // Taken again after its lease expired once too often: whatever kills the worker, stop here.
    if (message.attempts > maxAttempts) {
      await this.repository.markFailed(message.id, lease, message.last_error ?? 'Lease expired on the last attempt');
      this.log.error(context, 'outbox: message failed (lease expired too often)');
      return;
    }
    let providerId: string;
    try {
      ({ providerId } = await this.deps.channels[message.channel].deliver(message));
    } catch (error) {
      const reason = reasonOf(error);
      if (error instanceof PermanentDeliveryError || message.attempts >= maxAttempts) {
        await this.repository.markFailed(message.id, lease, reason);
        this.log.error({ ...context, reason }, 'outbox: message failed');
      } else {
        const next = new Date(this.deps.clock.now().getTime() + backoffBaseMs * 2 ** (message.attempts - 1));
        await this.repository.scheduleRetry(message.id, lease, next, reason);
        this.log.warn({ ...context, reason, next }, 'outbox: delivery failed, will retry');
      }
      return;
    }
    await this.repository.markSent(message.id, lease, providerId, this.deps.clock.now());
  }
}
