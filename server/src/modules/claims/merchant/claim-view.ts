import type { Documents } from '../../../core/documents/index.js';
import { structuresByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { CLAIM_STATUSES, type ClaimStatus, withdrawalRefusal } from '../claim-status.js';
import { periodLabel } from '../claim-window.js';
import { type ClaimPurchaseRow, type ClaimRow, claimHistory, type IntegrationRow, latestIntegration } from './claims.repository.js';

/** What the merchant may do with a claim now: the page offers exactly what the API accepts. */
export interface ClaimActions {
  rectifyIban: boolean;
  rectifyEmail: boolean;
  withdraw: boolean;
  integrate: boolean;
}

/** "L'IBAN si può rettificare solo se l'istanza non è mai stata valutata e il suo stato è Da valutare" (seed 000 §09). */
export function canRectifyIban(claim: Pick<ClaimRow, 'status' | 'evaluated_at'>): boolean {
  return claim.status === 'da_valutare' && claim.evaluated_at === null;
}

/**
 * The e-mail may be corrected in every status (seed: "per le istanze in altri stati potrà essere
 * modificata solo l'email") except after the merchant's own withdrawal: nothing is sent any more.
 */
export function canRectifyEmail(claim: Pick<ClaimRow, 'status'>): boolean {
  return claim.status !== 'annullata';
}

export function claimActions(claim: Pick<ClaimRow, 'status' | 'evaluated_at'>, integration: Pick<IntegrationRow, 'submitted_at'> | null | undefined): ClaimActions {
  return {
    rectifyIban: canRectifyIban(claim),
    rectifyEmail: canRectifyEmail(claim),
    withdraw: withdrawalRefusal(claim.status) === null,
    integrate: claim.status === 'da_integrare' && !!integration && integration.submitted_at === null,
  };
}

export function periodOfClaim(claim: Pick<ClaimRow, 'period_year' | 'period_index'>) {
  const period = { year: claim.period_year, index: claim.period_index };
  return { ...period, label: periodLabel(period) };
}

/** A row of "Elenco istanze di rimborso". A claim "Da integrare" always has its open request. */
export function claimListItem(claim: ClaimRow) {
  return {
    id: claim.id,
    number: Number(claim.number),
    amountCents: Number(claim.amount_cents),
    purchaseCount: claim.purchase_count,
    period: periodOfClaim(claim),
    status: claim.status,
    statusLabel: CLAIM_STATUSES[claim.status].label,
    requestedAt: claim.created_at.toISOString(),
    actions: claimActions(claim, claim.status === 'da_integrare' ? { submitted_at: null } : null),
  };
}

export function purchaseView(p: ClaimPurchaseRow) {
  return {
    movementId: p.movement_id,
    purchasedAt: p.purchased_at.toISOString(),
    fiscalCode: p.beneficiary_fiscal_code,
    voucherCode: p.voucher_code,
    amountCents: Number(p.amount_cents),
    hasReceipt: p.receipt_document_id !== null,
  };
}

/** The claim's detail: data, history, the region's last request of integration, actions. */
export async function claimDetail(db: AnyDb, documents: Documents, claim: ClaimRow) {
  const [history, integration, regions] = await Promise.all([
    claimHistory(db, claim.id),
    latestIntegration(db, claim.id),
    structuresByIds(db, [claim.region_structure_id]),
  ]);
  const document = integration?.document_id ? await documents.find(integration.document_id) : undefined;
  return {
    id: claim.id,
    number: Number(claim.number),
    status: claim.status,
    statusLabel: CLAIM_STATUSES[claim.status].label,
    period: periodOfClaim(claim),
    requestedAt: claim.created_at.toISOString(),
    amountCents: Number(claim.amount_cents),
    purchaseCount: claim.purchase_count,
    transactionsFrom: claim.transactions_from,
    transactionsTo: claim.transactions_to,
    iban: claim.iban,
    email: claim.email,
    regionName: regions.get(claim.region_structure_id)?.name ?? null,
    rejectionReason: claim.rejection_reason,
    history: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      toLabel: CLAIM_STATUSES[h.to_status as ClaimStatus].label,
      actorKind: h.actor_kind,
      actorName: h.actor_name,
      note: h.note,
      at: h.occurred_at.toISOString(),
    })),
    integration: integration
      ? {
          id: integration.id,
          requestText: integration.request_text,
          deadline: integration.deadline,
          requestedAt: integration.requested_at.toISOString(),
          document:
            document && integration.document_uploaded_at
              ? { id: document.id, fileName: document.originalName, sizeBytes: document.sizeBytes, uploadedAt: integration.document_uploaded_at.toISOString() }
              : null,
          submittedAt: integration.submitted_at?.toISOString() ?? null,
        }
      : null,
    actions: claimActions(claim, integration),
  };
}

export type ClaimDetail = Awaited<ReturnType<typeof claimDetail>>;
