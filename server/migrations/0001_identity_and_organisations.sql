-- Core: organisations (structures), people and their enablements, sessions, login transactions, rate limits.

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('region', 'health_agency', 'municipality', 'merchant', 'service_provider', 'voucher_office')),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  tax_code    text,
  parent_id   uuid REFERENCES organisations (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_parent ON organisations (parent_id);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fiscal_code    text UNIQUE CHECK (fiscal_code ~ '^[A-Z0-9]{16}$'),
  username       text,
  given_name     text NOT NULL,
  family_name    text NOT NULL,
  email          text,
  mobile_phone   text,
  password_hash  text,
  pin_hash       text,
  is_admin       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (fiscal_code IS NOT NULL OR username IS NOT NULL)
);
CREATE UNIQUE INDEX users_username ON users (lower(username));
-- Trigram-free search on names and codice fiscale is enough for a structure's staff list.
CREATE INDEX users_family_name ON users (lower(family_name));

-- A person's enablement in a structure. Disabling it ends his sessions there and bars him from it.
CREATE TABLE memberships (
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  user_id          uuid NOT NULL REFERENCES users (id),
  role             text NOT NULL CHECK (role IN ('owner', 'operator')),
  disabled_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- The services associated to an employee in one structure ("Associa servizio").
CREATE TABLE membership_services (
  organisation_id  uuid NOT NULL,
  user_id          uuid NOT NULL,
  service_code     text NOT NULL CHECK (service_code ~ '^[a-z0-9-]+$'),
  granted_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id, service_code),
  FOREIGN KEY (organisation_id, user_id) REFERENCES memberships (organisation_id, user_id) ON DELETE CASCADE
);

-- Server-side sessions: the cookie holds a random token, the table only its SHA-256,
-- so a stolen database dump does not yield usable cookies; any instance can serve any session.
CREATE TABLE sessions (
  id_hash       bytea PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  structure_id  uuid REFERENCES organisations (id),
  auth_method   text NOT NULL CHECK (auth_method IN ('spid', 'cie', 'password', 'password_pin')),
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_live ON sessions (user_id) WHERE revoked_at IS NULL;

-- One row per OpenID Connect login in flight (state, nonce, PKCE verifier), keyed by a browser cookie.
CREATE TABLE oidc_logins (
  id_hash        bytea PRIMARY KEY,
  provider       text NOT NULL,
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  expires_at     timestamptz NOT NULL
);

-- Fixed-window counters shared by every instance: login attempts per IP and per account.
CREATE TABLE rate_limits (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL
);
