import { type RawBuilder, sql } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import type { Channel } from './notifications.tables.js';
import { checkTemplateData, type TemplateChannel, type TemplateData, type TemplateName } from './templates/index.js';

/** The PostgreSQL channel the worker listens on: a NOTIFY on it (sent at commit) wakes it up. */
export const OUTBOX_CHANNEL = 'outbox';

/**
 * A message to deliver. `recipient` is an e-mail address (email), a phone number in E.164
 * (sms, see `toE164`) or a user id (in_app). `idempotencyKey` names the event it announces
 * ("password-reset:<request id>", "claim:<id>:approved:email"): enqueueing the same key twice
 * queues one message, and providers receive it to drop a redelivery.
 */
export type NotificationMessage = {
  [N in TemplateName]: {
    channel: TemplateChannel<N>;
    recipient: string;
    template: N;
    data: TemplateData<N>;
    idempotencyKey: string;
    /** Not before this time (default: at once). */
    notBefore?: Date;
  };
}[TemplateName];

/** A message that can never be delivered as written: a programming error of the caller. */
export class InvalidNotification extends Error {}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkRecipient(channel: Channel, recipient: string): void {
  const ok = channel === 'email' ? EMAIL.test(recipient) && recipient.length <= 254 : channel === 'sms' ? E164.test(recipient) : UUID.test(recipient);
  if (!ok) throw new InvalidNotification(`Invalid ${channel} recipient: ${JSON.stringify(recipient)}`);
}

/**
 * Queues a notification **in the caller's transaction**: it is delivered only if that transaction
 * commits, and whatever happens after (a crash, a retry) it is delivered once. Pass the transaction
 * of the change it announces. Returns false when a message with the same idempotency key exists.
 */
export async function enqueueNotification(db: AnyDb, message: NotificationMessage): Promise<boolean> {
  // One statement: the insert, and the NOTIFY that PostgreSQL sends only when the transaction commits.
  const { insert, notify } = notificationStatement(message, sql`true`);
  const { rows } = await sql<{ queued: number }>`WITH queued AS (${insert}) SELECT ${notify('queued')}::int AS queued`.execute(db);
  return rows[0]!.queued === 1;
}

/**
 * The same message as statements to embed in the caller's own, queued only when `onlyIf` holds
 * there: `insert` is a CTE body (`RETURNING id`), `notify(cte)` the expression that wakes the
 * worker for what that CTE queued (one NOTIFY at most). Checked like enqueueNotification.
 */
export function notificationStatement(message: NotificationMessage, onlyIf: RawBuilder<unknown>): { insert: RawBuilder<{ id: string }>; notify: (cte: string) => RawBuilder<number> } {
  const data = checkedData(message);
  return {
    insert: sql<{ id: string }>`
      INSERT INTO outbox_messages (channel, recipient, template, data, idempotency_key, next_attempt_at)
      SELECT ${message.channel}::text, ${message.recipient}::text, ${message.template}::text, ${JSON.stringify(data)}::jsonb,
             ${message.idempotencyKey}::text, ${message.notBefore ?? null}::timestamptz
       WHERE ${onlyIf}
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id`,
    notify: (cte) => sql<number>`(SELECT count(pg_notify(${OUTBOX_CHANNEL}, q.id::text)) FROM ${sql.table(cte)} q)`,
  };
}

function checkedData(message: NotificationMessage): unknown {
  const { channel, recipient, template, idempotencyKey } = message;
  if (!idempotencyKey || idempotencyKey.length > 200) throw new InvalidNotification('The idempotency key must have 1 to 200 characters');
  checkRecipient(channel, recipient);
  try {
    return checkTemplateData(template, channel, message.data);
  } catch (error) {
    throw new InvalidNotification((error as Error).message);
  }
}

/**
 * A phone number as SMS providers want it (E.164), or null when it is not one. Italian numbers may
 * be written without the country code ("333 123 4567") or with 0039.
 */
export function toE164(phone: string): string | null {
  let p = phone.replace(/[\s.\-/()]/g, '');
  if (p.startsWith('00')) p = `+${p.slice(2)}`;
  else if (!p.startsWith('+') && /^3\d{8,9}$/.test(p)) p = `+39${p}`;
  return E164.test(p) ? p : null;
}
