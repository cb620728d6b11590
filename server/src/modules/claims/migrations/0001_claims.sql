-- Reimbursement claims ("Istanza di rimborso", seed 000 §09): a merchant claims from the region
-- the purchases paid with vouchers; the region evaluates, asks for integration, approves and
-- forwards approved claims for the payment decree with a SEPA credit transfer file.

-- Statuses and their allowed transitions are data (claim-status.ts mirrors them, a test checks
-- both agree); a trigger refuses any other change of status, whoever writes it.
CREATE TABLE claim_statuses (
  code               text PRIMARY KEY,
  label              text NOT NULL,
  -- Reached, it gives the claim's purchases back: the next claim may include them.
  releases_purchases boolean NOT NULL
);
INSERT INTO claim_statuses (code, label, releases_purchases) VALUES
  ('da_valutare', 'Da valutare', false),
  ('da_integrare', 'Da integrare', false),
  ('approvata', 'Approvata', false),
  ('rifiutata', 'Rifiutata', true),
  ('scaduta', 'Scaduta', true),
  ('inoltrata', 'Inoltrata per decreto di pagamento', false),
  ('annullata', 'Annullata', true);

CREATE TABLE claim_status_transitions (
  from_status text NOT NULL REFERENCES claim_statuses (code),
  to_status   text NOT NULL REFERENCES claim_statuses (code),
  -- Who may make it: the merchant, the region's evaluator, or the system (a job).
  actor       text NOT NULL CHECK (actor IN ('merchant', 'region', 'system')),
  PRIMARY KEY (from_status, to_status)
);
INSERT INTO claim_status_transitions (from_status, to_status, actor) VALUES
  ('da_valutare', 'da_integrare', 'region'),
  ('da_valutare', 'approvata', 'region'),
  ('da_valutare', 'rifiutata', 'region'),
  ('da_valutare', 'annullata', 'merchant'),
  ('da_integrare', 'da_valutare', 'merchant'),
  ('da_integrare', 'scaduta', 'system'),
  ('da_integrare', 'rifiutata', 'region'),
  ('da_integrare', 'annullata', 'merchant'),
  ('approvata', 'inoltrata', 'region'),
  ('approvata', 'annullata', 'merchant');

-- Batches of approved claims forwarded for the payment decree, with their pain.001 file.
CREATE TABLE claim_payment_batches (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_structure_id uuid NOT NULL,
  message_id          text NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 1 AND 35),
  debtor_name         text NOT NULL,
  debtor_iban         text NOT NULL,
  execution_date      date NOT NULL,
  claim_count         integer NOT NULL CHECK (claim_count > 0),
  control_sum_cents   bigint NOT NULL CHECK (control_sum_cents > 0),
  xml                 text NOT NULL,
  created_by          uuid NOT NULL,
  created_at          timestamptz NOT NULL
);
CREATE INDEX claim_payment_batches_region ON claim_payment_batches (region_structure_id, created_at DESC);

CREATE TABLE claims (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The number people quote ("istanza n. 12").
  number                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  merchant_structure_id uuid NOT NULL,
  -- The region whose programs' vouchers paid the purchases: it evaluates and pays the claim.
  region_structure_id   uuid NOT NULL,
  -- The quadrimestre it was filed in ("periodo di riferimento"): 1 Jan–Apr, 2 May–Aug, 3 Sep–Dec.
  period_year           integer NOT NULL CHECK (period_year BETWEEN 2000 AND 2999),
  period_index          smallint NOT NULL CHECK (period_index BETWEEN 1 AND 3),
  status                text NOT NULL DEFAULT 'da_valutare' REFERENCES claim_statuses (code),
  amount_cents          bigint NOT NULL CHECK (amount_cents > 0),
  purchase_count        integer NOT NULL CHECK (purchase_count > 0),
  -- "Data di riferimento di inizio / fine transazioni" (Rome days of the first and last purchase).
  transactions_from     date NOT NULL,
  transactions_to       date NOT NULL CHECK (transactions_to >= transactions_from),
  iban                  text NOT NULL CHECK (iban ~ '^IT[0-9]{2}[A-Z][0-9]{10}[0-9A-Z]{12}$'),
  email                 text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  -- Set by the region's first decision: from then on the IBAN can no longer be corrected.
  evaluated_at          timestamptz,
  rejection_reason      text,
  payment_batch_id      uuid REFERENCES claim_payment_batches (id),
  created_by            uuid NOT NULL,
  created_at            timestamptz NOT NULL,
  status_changed_at     timestamptz NOT NULL,
  CHECK ((status = 'inoltrata') = (payment_batch_id IS NOT NULL)),
  CHECK ((status = 'rifiutata') = (rejection_reason IS NOT NULL))
);
-- One claim per quadrimestre (a withdrawn one does not count), whatever the concurrency.
CREATE UNIQUE INDEX claims_one_per_period ON claims (merchant_structure_id, region_structure_id, period_year, period_index) WHERE status <> 'annullata';
CREATE INDEX claims_merchant ON claims (merchant_structure_id, created_at DESC);
CREATE INDEX claims_region_queue ON claims (region_structure_id, status, created_at);

CREATE FUNCTION claims_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
    SELECT 1 FROM claim_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status
  ) THEN
    RAISE EXCEPTION 'claim % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER claims_transition BEFORE UPDATE OF status ON claims FOR EACH ROW EXECUTE FUNCTION claims_check_transition();

-- The purchases a claim holds, as they were when claimed ("Elenco transazioni"). A purchase
-- belongs to at most one live claim: the partial unique index is the rule.
CREATE TABLE claim_purchases (
  claim_id                uuid NOT NULL REFERENCES claims (id),
  movement_id             uuid NOT NULL,
  live                    boolean NOT NULL DEFAULT true,
  purchased_at            timestamptz NOT NULL,
  voucher_code            text NOT NULL,
  beneficiary_fiscal_code text NOT NULL,
  amount_cents            bigint NOT NULL CHECK (amount_cents > 0),
  receipt_document_id     uuid,
  PRIMARY KEY (claim_id, movement_id)
);
CREATE UNIQUE INDEX claim_purchases_one_live_claim ON claim_purchases (movement_id) WHERE live;
CREATE INDEX claim_purchases_listing ON claim_purchases (claim_id, purchased_at, movement_id);

-- Every change of status, with who and when; and the corrections of IBAN and e-mail.
CREATE TABLE claim_history (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id      uuid NOT NULL REFERENCES claims (id),
  from_status   text REFERENCES claim_statuses (code),
  to_status     text NOT NULL REFERENCES claim_statuses (code),
  actor_kind    text NOT NULL CHECK (actor_kind IN ('merchant', 'region', 'system')),
  actor_user_id uuid,
  actor_name    text,
  note          text,
  occurred_at   timestamptz NOT NULL
);
CREATE INDEX claim_history_claim ON claim_history (claim_id, id);

-- "Da integrare": what the region asked for, by when, and the merchant's one PDF answer
-- (replaceable until sent with "Integra documentazione").
CREATE TABLE claim_integrations (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id            uuid NOT NULL REFERENCES claims (id),
  request_text        text NOT NULL CHECK (length(request_text) BETWEEN 1 AND 4000),
  deadline            date NOT NULL,
  requested_by        uuid NOT NULL,
  requested_at        timestamptz NOT NULL,
  document_id         uuid,
  document_uploaded_at timestamptz,
  submitted_at        timestamptz,
  CHECK (submitted_at IS NULL OR document_id IS NOT NULL)
);
-- At most one open request per claim.
CREATE UNIQUE INDEX claim_integrations_open ON claim_integrations (claim_id) WHERE submitted_at IS NULL;
