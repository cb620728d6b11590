import type { Generated } from 'kysely';

export type MovementKind = 'acquisto' | 'cancellazione';
export type MovementStatus = 'in_attesa' | 'confermato' | 'rilasciato';

export interface VoucherTables {
  voucher_programs: { id: Generated<string>; name: string; face_value_cents: number; validity_months: number; created_at: Generated<Date> };
  voucher_program_merchants: { program_id: string; merchant_structure_id: string };
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
}
