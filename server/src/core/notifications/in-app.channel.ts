import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock/clock.js';
import type { ChannelAdapter, Delivery } from './channels.js';
import { PermanentDeliveryError } from './channels.js';
import type { NotificationTables, OutboxRow } from './notifications.tables.js';
import { renderTemplate, TemplateError } from './templates/index.js';

/** The PostgreSQL channel announcing a user's notification changes to every instance's streams. */
export const USER_NOTIFICATIONS_CHANNEL = 'user_notifications';

/** What goes through USER_NOTIFICATIONS_CHANNEL: small, the stream reads the rest. */
export interface UserNotificationSignal {
  userId: string;
  /** The notification created, or null when some were marked read. */
  id: string | null;
}

/**
 * The notification shown in the web app's bell: a row in user_notifications and a NOTIFY, in one
 * statement. The outbox key is unique there too, so a redelivery adds nothing.
 */
export class InAppChannel implements ChannelAdapter {
  constructor(
    private readonly db: Kysely<NotificationTables>,
    private readonly clock: Clock,
  ) {}

  async deliver(message: OutboxRow): Promise<Delivery> {
    let content;
    try {
      content = renderTemplate(message.template, 'in_app', message.data);
    } catch (error) {
      if (error instanceof TemplateError) throw new PermanentDeliveryError(error.message);
      throw error;
    }
    try {
      const created = await this.db
        .with('created', (q) =>
          q
            .insertInto('user_notifications')
            .values({
              user_id: message.recipient,
              title: content.title,
              body: content.body,
              link: content.link ?? null,
              source_key: message.idempotency_key,
              created_at: this.clock.now(),
              read_at: null,
            })
            .onConflict((oc) => oc.column('source_key').doNothing())
            .returning(['id', 'user_id']),
        )
        .selectFrom('created')
        .select([
          'created.id',
          sql<string>`pg_notify(${USER_NOTIFICATIONS_CHANNEL}, json_build_object('userId', created.user_id, 'id', created.id)::text)`.as('notified'),
        ])
        .executeTakeFirst();
      if (created) return { providerId: created.id };
      const existing = await this.db
        .selectFrom('user_notifications')
        .select('id')
        .where('source_key', '=', message.idempotency_key)
        .executeTakeFirstOrThrow();
      return { providerId: existing.id };
    } catch (error) {
      // 23503: the user does not exist; 22P02: the recipient is not a uuid.
      const code = (error as { code?: string }).code;
      if (code === '23503' || code === '22P02') throw new PermanentDeliveryError(`Unknown user ${message.recipient}`);
      throw error;
    }
  }
}
