-- "Ho smarrito la password": one row per link sent. The link carries the row id and a random secret;
-- only the secret's SHA-256 is kept, so a database dump yields no usable link.
CREATE TABLE password_resets (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id),
  secret_hash  bytea NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  -- Set when used, or when a newer link replaces it: a link works at most once.
  used_at      timestamptz
);
CREATE INDEX password_resets_user_live ON password_resets (user_id) WHERE used_at IS NULL;
