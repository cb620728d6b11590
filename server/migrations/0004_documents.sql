-- Documents: every uploaded file of every module (receipts, claim integrations, PES documents,
-- help-desk attachments). The bytes live in a DocumentStore (disk, or S3-compatible storage) under
-- storage_key; this row says what they are, whose they are and their SHA-256.
-- A row is written only after the bytes are stored whole: a refused upload leaves neither.
CREATE TABLE documents (
  id                  uuid PRIMARY KEY,
  -- The use it was uploaded for (the policy that admitted it), e.g. 'purchase-receipt'.
  purpose             text NOT NULL CHECK (purpose ~ '^[a-z0-9-]{1,60}$'),
  -- Who may download it: members working in this structure, and/or this person.
  owner_structure_id  uuid REFERENCES organisations (id),
  owner_user_id       uuid REFERENCES users (id),
  -- The name the user gave, sanitised (no path, no control or bidi characters); shown, never trusted.
  original_name       text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  -- Detected from the content, not from the name or the browser's Content-Type.
  media_type          text NOT NULL,
  extension           text NOT NULL CHECK (extension ~ '^[a-z0-9]{1,10}$'),
  size_bytes          bigint NOT NULL CHECK (size_bytes > 0),
  sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key         text NOT NULL UNIQUE,
  uploaded_by         uuid NOT NULL REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (owner_structure_id IS NOT NULL OR owner_user_id IS NOT NULL)
);
CREATE INDEX documents_owner_structure ON documents (owner_structure_id) WHERE owner_structure_id IS NOT NULL;
CREATE INDEX documents_owner_user ON documents (owner_user_id) WHERE owner_user_id IS NOT NULL;
