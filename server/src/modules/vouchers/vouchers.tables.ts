import type { Generated } from 'kysely';

export type MovementKind = 'acquisto' | 'cancellazione';
export type MovementStatus = 'in_attesa' | 'confermato' | 'rilasciato';
export type ImportStatus = 'uploading' | 'preview' | 'importing' | 'completed' | 'discarded' | 'failed';

export interface VoucherTables {
  voucher_programs: {
    id: Generated<string>;
    name: string;
    face_value_cents: number;
    validity_months: number;
    created_at: Generated<Date>;
    /** The region that runs the program (programs/); null for programs without an owner. */
    region_structure_id: Generated<string | null>;
    created_by: Generated<string | null>;
  };
  voucher_program_merchants: { program_id: string; merchant_structure_id: string; enrolled_at: Generated<Date>; enrolled_by: Generated<string | null> };
  vouchers: {
    id: Generated<string>;
    code: string;
    program_id: string;
    beneficiary_fiscal_code: string;
    health_card_number: string;
    given_name: string;
    family_name: string;
    mobile_phone: string;
    initial_cents: number;
    available_cents: number;
    activation_date: string;
    expiry_date: string;
    created_at: Generated<Date>;
    /** The beneficiaries' import that issued it (programs/). */
    import_id: Generated<string | null>;
  };
  voucher_movements: {
    id: Generated<string>;
    voucher_id: string;
    merchant_structure_id: string;
    kind: MovementKind;
    status: MovementStatus;
    amount_cents: number;
    purchase_id: string | null;
    receipt_document_id: string | null;
    idempotency_key: string;
    created_by: string;
    created_at: Date;
    confirmed_at: Date | null;
  };
  /** Beneficiaries' imports (programs/, migration 0002). */
  voucher_imports: {
    id: Generated<string>;
    program_id: string;
    file_name: string;
    status: ImportStatus;
    total_rows: Generated<number>;
    valid_rows: Generated<number>;
    rejected_rows: Generated<number>;
    processed_rows: Generated<number>;
    issued_rows: Generated<number>;
    skipped_rows: Generated<number>;
    cursor_line: Generated<number>;
    code_year: string | null;
    lease_token: string | null;
    lease_until: Date | null;
    failures: Generated<number>;
    last_error: string | null;
    uploaded_by: string;
    created_at: Date;
    confirmed_by: string | null;
    confirmed_at: Date | null;
    completed_at: Date | null;
  };
  voucher_import_rows: {
    import_id: string;
    line_number: number;
    fiscal_code: string;
    fiscal_code_valid: boolean;
    health_card_number: string;
    health_card_valid: boolean;
    given_name: string;
    family_name: string;
    mobile_phone: string;
    activation_text: string;
    activation_date: string | null;
    reason_codes: Generated<string[]>;
    reasons: Generated<string[]>;
    rejected: Generated<boolean>;
  };
}
