import type { PgListener } from '../../platform/db/pg-listener.js';
import { USER_NOTIFICATIONS_CHANNEL, type UserNotificationSignal } from './in-app.channel.js';
import { toUserNotification, type UserNotification, type UserNotificationsRepository } from './user-notifications.repository.js';

/** One open event stream of a user. */
export interface HubSubscriber {
  /** A new notification for him. */
  created(notification: UserNotification): void;
  /** Something changed (read elsewhere, or signals may have been lost): refetch. */
  changed(): void;
}

/**
 * Fans the database's notification signals out to this process's event streams: one LISTEN
 * connection for the whole process (any instance may have delivered the notification), and per
 * signal one read, only when its user has a stream open here.
 */
export class NotificationHub {
  private readonly subscribers = new Map<string, Set<HubSubscriber>>();
  private listening: Promise<() => Promise<void>> | null = null;
  private readonly offReconnect: () => void;

  constructor(
    private readonly listener: PgListener,
    private readonly repository: UserNotificationsRepository,
  ) {
    this.offReconnect = listener.onReconnect(() => {
      for (const set of this.subscribers.values()) for (const s of set) s.changed();
    });
  }

  /** Resolves once signals for him reach `subscriber`; returns the unsubscribe function. */
  async subscribe(userId: string, subscriber: HubSubscriber): Promise<() => void> {
    await this.ensureListening();
    let set = this.subscribers.get(userId);
    if (!set) {
      set = new Set();
      this.subscribers.set(userId, set);
    }
    set.add(subscriber);
    return () => {
      const current = this.subscribers.get(userId);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(userId);
    };
  }

  get streamCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    this.offReconnect();
    const listening = this.listening;
    this.listening = null;
    const unlisten = await listening?.catch(() => null);
    await unlisten?.();
  }

  private ensureListening(): Promise<unknown> {
    if (!this.listening) {
      this.listening = this.listener.listen(USER_NOTIFICATIONS_CHANNEL, (payload) => void this.onSignal(payload));
      this.listening.catch(() => {
        this.listening = null; // the next stream tries again
      });
    }
    return this.listening;
  }

  private async onSignal(payload: string): Promise<void> {
    let signal: UserNotificationSignal;
    try {
      signal = JSON.parse(payload) as UserNotificationSignal;
    } catch {
      return;
    }
    const set = this.subscribers.get(signal.userId);
    if (!set) return;
    if (!signal.id) {
      for (const s of set) s.changed();
      return;
    }
    const row = await this.repository.findForUser(signal.userId, signal.id).catch(() => undefined);
    for (const s of this.subscribers.get(signal.userId) ?? []) {
      if (row) s.created(toUserNotification(row));
      else s.changed();
    }
  }
}
