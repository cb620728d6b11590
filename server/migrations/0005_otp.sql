-- One-time codes confirming an operation (SPEC §1.3). Only an HMAC of the code is kept; the code is
-- bound to a digest of the operation (who, what, amount), so it confirms that operation and no other.
CREATE TABLE otp_challenges (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose           text NOT NULL,
  operation_digest  text NOT NULL,
  phone             text NOT NULL,
  code_hash         text NOT NULL,
  created_at        timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  attempts          integer NOT NULL DEFAULT 0,
  status            text NOT NULL CHECK (status IN ('active', 'confirmed', 'void', 'exhausted')),
  requested_by      uuid,
  structure_id      uuid,
  confirmed_at      timestamptz
);
-- "Invia un nuovo codice" voids the previous one: at most one live code per operation.
CREATE UNIQUE INDEX otp_one_active_per_operation ON otp_challenges (operation_digest) WHERE status = 'active';
