-- Notifications: the outbox (written in the transaction of the change it announces, delivered by a
-- worker), the in-app notifications a user reads in the bell, and the demo inboxes.

CREATE TABLE outbox_messages (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel          text NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
  -- an e-mail address, a phone number in E.164, or a user id (in_app)
  recipient        text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 320),
  template         text NOT NULL CHECK (template ~ '^[a-z0-9-]+$'),
  data             jsonb NOT NULL,
  -- The one guard against duplicates: a second enqueue is a no-op, and every provider receives the
  -- key (Message-ID for e-mail, the adapter's idempotency key for SMS) and dedupes on it.
  idempotency_key  text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  -- NULL: due at once (the enqueuing transaction does not need the worker's clock)
  next_attempt_at  timestamptz,
  -- while 'sending': the lease; past it, the worker is presumed dead and another takes the message
  locked_until     timestamptz,
  provider_id      text,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  CHECK (status <> 'sending' OR locked_until IS NOT NULL)
);
-- What the worker scans: only messages still to deliver.
CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at NULLS FIRST, created_at) WHERE status IN ('pending', 'sending');

CREATE TABLE user_notifications (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id),
  title       text NOT NULL,
  body        text NOT NULL,
  -- a path in the web app ("/istanze/…") or an https URL
  link        text,
  -- the outbox message that created it: a redelivery adds nothing
  source_key  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX user_notifications_user ON user_notifications (user_id, created_at DESC);
CREATE INDEX user_notifications_unread ON user_notifications (user_id) WHERE read_at IS NULL;

-- Demo and test mode only (never written in production): what the embedded SMTP server received and
-- what the demo SMS gateway "sent". Each has its provider's dedupe point as a unique key.
CREATE TABLE demo_mailbox (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id    text NOT NULL UNIQUE,
  from_address  text NOT NULL,
  to_addresses  text[] NOT NULL,
  subject       text NOT NULL,
  text          text,
  html          text,
  received_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX demo_mailbox_received ON demo_mailbox (received_at DESC);

CREATE TABLE demo_sms (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idempotency_key  text NOT NULL UNIQUE,
  to_number        text NOT NULL,
  text             text NOT NULL,
  sent_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX demo_sms_sent ON demo_sms (sent_at DESC);
