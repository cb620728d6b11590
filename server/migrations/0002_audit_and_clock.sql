-- Audit log: append-only. The application may INSERT and SELECT; UPDATE, DELETE and TRUNCATE are refused
-- by triggers, whatever role runs them (a migration that must rewrite history has to drop them knowingly).
CREATE TABLE audit_log (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at         timestamptz NOT NULL,
  actor_user_id       uuid,
  actor_name          text,
  structure_id        uuid,
  structure_name      text,
  action              text NOT NULL CHECK (action ~ '^[a-z0-9_.-]+$'),
  subject_type        text NOT NULL,
  subject_id          text,
  -- The person whose record was changed or viewed, by codice fiscale: "who looked at my data?"
  person_fiscal_code  text,
  before              jsonb,
  after               jsonb,
  ip                  text
);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_person ON audit_log (person_fiscal_code, occurred_at DESC) WHERE person_fiscal_code IS NOT NULL;
CREATE INDEX audit_log_structure ON audit_log (structure_id, occurred_at DESC);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- The demo's "Data simulata": one row holding the offset from the real time. Never read in production.
CREATE TABLE simulated_clock (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  offset_ms  bigint NOT NULL DEFAULT 0,
  set_by     uuid,
  set_at     timestamptz
);
