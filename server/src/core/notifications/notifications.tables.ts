import type { Generated, Selectable } from 'kysely';

export type Channel = 'email' | 'sms' | 'in_app';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** The tables the notifications core owns (migration 0003). */
export interface NotificationTables {
  outbox_messages: {
    id: Generated<string>;
    channel: Channel;
    recipient: string;
    template: string;
    data: unknown;
    idempotency_key: string;
    status: Generated<OutboxStatus>;
    attempts: Generated<number>;
    next_attempt_at: Date | null;
    locked_until: Date | null;
    provider_id: string | null;
    last_error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
  user_notifications: {
    id: Generated<string>;
    user_id: string;
    title: string;
    body: string;
    link: string | null;
    source_key: string;
    created_at: Date;
    read_at: Date | null;
  };
}

/** Demo and test mode only: the embedded SMTP server's mailbox and the demo SMS gateway's log. */
export interface DemoInboxTables {
  demo_mailbox: {
    id: Generated<string>;
    message_id: string;
    from_address: string;
    to_addresses: string[];
    subject: string;
    text: string | null;
    html: string | null;
    received_at: Generated<Date>;
  };
  demo_sms: {
    id: Generated<string>;
    idempotency_key: string;
    to_number: string;
    text: string;
    sent_at: Generated<Date>;
  };
}

export type OutboxRow = Selectable<NotificationTables['outbox_messages']>;
export type UserNotificationRow = Selectable<NotificationTables['user_notifications']>;
