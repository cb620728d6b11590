-- Voucher programs ("Voucher Secondogeniti", seed 000 §04–08): programs, vouchers and the ledger of
-- their movements. The ledger is the truth; vouchers.available_cents is kept equal to
--   initial_cents − Σ purchases (in attesa or confermato) + Σ confirmed cancellations
-- by changing it only in the transaction that writes the movement (checked by the tests).

CREATE TABLE voucher_programs (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  face_value_cents bigint NOT NULL CHECK (face_value_cents > 0),
  validity_months  integer NOT NULL CHECK (validity_months > 0),
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Merchant structures enrolled in a program (ids of core organisations).
CREATE TABLE voucher_program_merchants (
  program_id             uuid NOT NULL REFERENCES voucher_programs (id),
  merchant_structure_id  uuid NOT NULL,
  PRIMARY KEY (program_id, merchant_structure_id)
);

CREATE TABLE vouchers (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                    text NOT NULL UNIQUE,            -- "ID Voucher"
  program_id              uuid NOT NULL REFERENCES voucher_programs (id),
  beneficiary_fiscal_code text NOT NULL CHECK (beneficiary_fiscal_code ~ '^[A-Z0-9]{16}$'),
  health_card_number      text NOT NULL,                   -- tessera sanitaria
  given_name              text NOT NULL,
  family_name             text NOT NULL,
  mobile_phone            text NOT NULL,
  initial_cents           bigint NOT NULL CHECK (initial_cents > 0),
  available_cents         bigint NOT NULL CHECK (available_cents >= 0 AND available_cents <= initial_cents),
  activation_date         date NOT NULL,
  expiry_date             date NOT NULL CHECK (expiry_date >= activation_date),
  created_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, beneficiary_fiscal_code)
);
CREATE INDEX vouchers_fiscal_code ON vouchers (beneficiary_fiscal_code);
CREATE INDEX vouchers_health_card ON vouchers (health_card_number);

CREATE TABLE voucher_movements (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  voucher_id             uuid NOT NULL REFERENCES vouchers (id),
  merchant_structure_id  uuid NOT NULL,
  kind                   text NOT NULL CHECK (kind IN ('acquisto', 'cancellazione')),
  -- 'rilasciato': a purchase left "in attesa" whose hold was released at the end of its day.
  status                 text NOT NULL CHECK (status IN ('in_attesa', 'confermato', 'rilasciato')),
  amount_cents           bigint NOT NULL CHECK (amount_cents > 0),
  purchase_id            uuid REFERENCES voucher_movements (id),
  receipt_document_id    uuid,
  idempotency_key        text NOT NULL,
  created_by             uuid NOT NULL,
  created_at             timestamptz NOT NULL,
  confirmed_at           timestamptz,
  CHECK ((kind = 'cancellazione') = (purchase_id IS NOT NULL)),
  UNIQUE (merchant_structure_id, idempotency_key)
);
CREATE INDEX voucher_movements_voucher ON voucher_movements (voucher_id, created_at);
CREATE INDEX voucher_movements_merchant ON voucher_movements (merchant_structure_id, created_at);
CREATE INDEX voucher_movements_pending ON voucher_movements (created_at) WHERE status = 'in_attesa';
-- A purchase is cancelled at most once.
CREATE UNIQUE INDEX voucher_movements_one_cancellation ON voucher_movements (purchase_id) WHERE kind = 'cancellazione' AND status <> 'rilasciato';
