-- Program administration (region operators, service "Gestione programmi voucher"): the region that
-- runs each program, who enrolled each merchant, and the imports of beneficiaries from CSV that
-- issue the vouchers. New columns on existing tables are nullable or have defaults, so rows written
-- before (and INSERTs that do not name them) keep working.

-- The region structure (core organisations, kind region) that created and runs the program. NULL
-- for programs written before programs had an owner: no region sees or changes them.
ALTER TABLE voucher_programs ADD COLUMN region_structure_id uuid;
ALTER TABLE voucher_programs ADD COLUMN created_by uuid;
CREATE INDEX voucher_programs_region ON voucher_programs (region_structure_id, created_at DESC, id);

ALTER TABLE voucher_program_merchants ADD COLUMN enrolled_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE voucher_program_merchants ADD COLUMN enrolled_by uuid;

-- The import that issued a voucher (NULL for vouchers issued otherwise).
ALTER TABLE vouchers ADD COLUMN import_id uuid;

-- "ID Voucher" numbers: VS-<year>-<6 digits> (more digits past 999999), never reused.
CREATE SEQUENCE voucher_code_seq;

-- A voucher is valid from its activation date for `months` months: it expires the day before the
-- same day `months` later (15/03/2026, 12 months → 14/03/2027). When that day does not exist
-- (activation 31/01, 1 month) the month's last day is the expiry (28/02): a voucher never loses
-- days to a short month.
CREATE FUNCTION voucher_expiry_date(activation date, months integer) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN extract(day FROM activation + make_interval(months => months)) < extract(day FROM activation)
      THEN (activation + make_interval(months => months))::date
    ELSE (activation + make_interval(months => months))::date - 1
  END
$$;

-- One upload of a beneficiaries file. 'uploading' exists only inside the upload's transaction;
-- 'preview' waits for "Conferma importazione"; 'importing' is worked in batches by whoever holds
-- the lease (a process that dies stops renewing it, and another takes over from cursor_line).
CREATE TABLE voucher_imports (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id      uuid NOT NULL REFERENCES voucher_programs (id),
  file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  status          text NOT NULL CHECK (status IN ('uploading', 'preview', 'importing', 'completed', 'discarded', 'failed')),
  total_rows      integer NOT NULL DEFAULT 0,
  valid_rows      integer NOT NULL DEFAULT 0,
  rejected_rows   integer NOT NULL DEFAULT 0,
  -- Progress of the import: valid rows handled so far, of which issued or found already in the
  -- program by then (imported meanwhile by another file).
  processed_rows  integer NOT NULL DEFAULT 0,
  issued_rows     integer NOT NULL DEFAULT 0,
  skipped_rows    integer NOT NULL DEFAULT 0,
  cursor_line     integer NOT NULL DEFAULT 0,
  code_year       text CHECK (code_year ~ '^\d{4}$'),
  lease_token     uuid,
  lease_until     timestamptz,
  failures        integer NOT NULL DEFAULT 0,
  last_error      text,
  uploaded_by     uuid NOT NULL,
  created_at      timestamptz NOT NULL,
  confirmed_by    uuid,
  confirmed_at    timestamptz,
  completed_at    timestamptz
);
CREATE INDEX voucher_imports_program ON voucher_imports (program_id, created_at DESC, id);
CREATE INDEX voucher_imports_importing ON voucher_imports (lease_until) WHERE status = 'importing';

-- The rows of an import as read from the file (normalised where valid), with the reasons they
-- were rejected. Rows without reasons are the ones the import issues vouchers for.
CREATE TABLE voucher_import_rows (
  import_id          uuid NOT NULL REFERENCES voucher_imports (id) ON DELETE CASCADE,
  line_number        integer NOT NULL,
  fiscal_code        text NOT NULL,
  fiscal_code_valid  boolean NOT NULL,
  health_card_number text NOT NULL,
  health_card_valid  boolean NOT NULL,
  given_name         text NOT NULL,
  family_name        text NOT NULL,
  mobile_phone       text NOT NULL,
  activation_text    text NOT NULL,
  activation_date    date,
  reason_codes       text[] NOT NULL DEFAULT '{}',
  reasons            text[] NOT NULL DEFAULT '{}',
  rejected           boolean GENERATED ALWAYS AS (cardinality(reason_codes) > 0) STORED,
  PRIMARY KEY (import_id, line_number)
);
CREATE INDEX voucher_import_rows_rejected ON voucher_import_rows (import_id, line_number) WHERE rejected;
