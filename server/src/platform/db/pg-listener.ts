import pg from 'pg';

type Handler = (payload: string) => void;

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const RECONNECT_MS = 1000;

/**
 * PostgreSQL LISTEN on one connection of its own, shared by everything in the process that listens
 * to the same database (the notifications worker, the event streams of the web app). The connection
 * opens with the first subscription, closes with the last, and comes back by itself when it drops;
 * `onReconnect` tells subscribers that they may have missed signals meanwhile.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHandlers = new Set<() => void>();

  constructor(private readonly config: pg.ClientConfig) {}

  /** Calls `handler` with the payload of every NOTIFY on `channel`; resolves once listening. */
  async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`Invalid channel name ${channel}`);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    try {
      const client = await this.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await this.remove(channel, handler);
      throw error;
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      await this.remove(channel, handler);
    };
  }

  /** Called after the connection came back: signals sent while it was down are lost. */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  private async remove(channel: string, handler: Handler): Promise<void> {
    const set = this.handlers.get(channel);
    if (!set?.delete(handler) || set.size > 0) return;
    this.handlers.delete(channel);
    if (this.handlers.size === 0) {
      await this.disconnect();
    } else {
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => {});
    }
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client(this.config);
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) {
          try {
            handler(message.payload ?? '');
          } catch {
            // a subscriber's failure is its own
          }
        }
      });
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
      } catch (error) {
        client.removeAllListeners();
        client.on('error', () => {});
        throw error;
      } finally {
        this.connecting = null;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  private async disconnect(): Promise<void> {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    if (!client) return;
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    client.on('error', () => {});
    await client.end().catch(() => {});
  }

  /** The connection dropped: reconnect while someone listens, then LISTEN again to everything. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    client.on('error', () => {});
    void client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.handlers.size === 0) return;
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = null;
      if (this.handlers.size === 0) return;
      try {
        const client = await this.connect();
        for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
        for (const handler of this.reconnectHandlers) handler();
      } catch {
        if (this.client) this.lost(this.client);
        else this.scheduleReconnect();
      }
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }
}

const listeners = new WeakMap<pg.Pool, PgListener>();

/** The process's listener for the database of `pool` (one LISTEN connection, whoever asks). */
export function listenerFor(pool: pg.Pool): PgListener {
  let listener = listeners.get(pool);
  if (!listener) {
    listener = new PgListener(pool.options);
    listeners.set(pool, listener);
  }
  return listener;
}
