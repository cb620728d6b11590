import type { Generated } from 'kysely';
import type { ClaimStatus } from './claim-status.js';

/** The claims module's tables (migrations/0001_claims.sql). */
export interface ClaimTables {
  claim_statuses: { code: ClaimStatus; label: string; releases_purchases: boolean };
  claim_status_transitions: { from_status: ClaimStatus; to_status: ClaimStatus; actor: ClaimActorKind };
  claims: {
    id: Generated<string>;
    number: Generated<number>;
    merchant_structure_id: string;
    region_structure_id: string;
    period_year: number;
    period_index: number;
    status: Generated<ClaimStatus>;
    amount_cents: number;
    purchase_count: number;
    transactions_from: string;
    transactions_to: string;
    iban: string;
    email: string;
    evaluated_at: Date | null;
    rejection_reason: string | null;
    payment_batch_id: string | null;
    created_by: string;
    created_at: Date;
    status_changed_at: Date;
  };
  claim_purchases: {
    claim_id: string;
    movement_id: string;
    live: Generated<boolean>;
    purchased_at: Date;
    voucher_code: string;
    beneficiary_fiscal_code: string;
    amount_cents: number;
    receipt_document_id: string | null;
  };
  claim_history: {
    id: Generated<number>;
    claim_id: string;
    from_status: ClaimStatus | null;
    to_status: ClaimStatus;
    actor_kind: ClaimActorKind;
    actor_user_id: string | null;
    actor_name: string | null;
    note: string | null;
    occurred_at: Date;
  };
  claim_integrations: {
    id: Generated<string>;
    claim_id: string;
    request_text: string;
    deadline: string;
    requested_by: string;
    requested_at: Date;
    document_id: string | null;
    document_uploaded_at: Date | null;
    submitted_at: Date | null;
  };
  claim_payment_batches: {
    id: Generated<string>;
    region_structure_id: string;
    message_id: string;
    debtor_name: string;
    debtor_iban: string;
    execution_date: string;
    claim_count: number;
    control_sum_cents: number;
    xml: string;
    created_by: string;
    created_at: Date;
  };
}

export type ClaimActorKind = 'merchant' | 'region' | 'system';
