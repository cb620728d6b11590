import { type Kysely, sql } from 'kysely';
import { USER_NOTIFICATIONS_CHANNEL } from './in-app.channel.js';
import type { NotificationTables, UserNotificationRow } from './notifications.tables.js';

/** One notification of the bell, as the API gives it. */
export interface UserNotification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function toUserNotification(row: UserNotificationRow): UserNotification {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** SQL only: a user's in-app notifications. Every query is scoped to the user. */
export class UserNotificationsRepository {
  constructor(private readonly db: Kysely<NotificationTables>) {}

  listLatest(userId: string, limit: number): Promise<UserNotificationRow[]> {
    return this.db
      .selectFrom('user_notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async countUnread(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('user_notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  findForUser(userId: string, id: string): Promise<UserNotificationRow | undefined> {
    return this.db.selectFrom('user_notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  }

  /** False when there is no such notification of his (another user's answers the same). */
  async markRead(userId: string, id: string, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('user_notifications')
      .set({ read_at: sql<Date>`COALESCE(read_at, ${now})` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    if (row) await this.signalChanged(userId);
    return row !== undefined;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const result = await this.db
      .updateTable('user_notifications')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (count > 0) await this.signalChanged(userId);
    return count;
  }

  /** His other tabs and devices refresh their counter. */
  private async signalChanged(userId: string): Promise<void> {
    await sql`SELECT pg_notify(${USER_NOTIFICATIONS_CHANNEL}, json_build_object('userId', ${userId}::uuid, 'id', NULL)::text)`.execute(this.db);
  }
}
