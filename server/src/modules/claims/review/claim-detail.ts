import type { Documents } from '../../../core/documents/index.js';
import { structuresByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { NotFound } from '../../../platform/http/errors.js';
import { CLAIM_STATUSES, type ClaimStatus, canTransition } from '../claim-status.js';
import { periodLabel } from '../claim-window.js';
import { findRegionClaim, historyOf, integrationsOf, paymentBatchRef } from './review.repository.js';

export const periodOfClaim = (c: { period_year: number; period_index: number }) => {
  const period = { year: c.period_year, index: c.period_index };
  return { ...period, label: periodLabel(period) };
};

/** What the region may do with a claim in this status. */
export function regionActions(status: ClaimStatus) {
  return {
    approve: canTransition(status, 'approvata', 'region'),
    reject: canTransition(status, 'rifiutata', 'region'),
    requestIntegration: canTransition(status, 'da_integrare', 'region'),
  };
}

/**
 * A claim of the region with its history and integration requests: the detail page, and the
 * answer of every decision. Another region's claim is "not found".
 */
export async function claimDetail(db: AnyDb, documents: Documents, regionId: string, claimId: string) {
  const claim = await findRegionClaim(db, regionId, claimId);
  if (!claim) throw new NotFound('Istanza di rimborso non trovata.');
  const [merchants, history, integrations, batch] = await Promise.all([
    structuresByIds(db, [claim.merchant_structure_id]),
    historyOf(db, claim.id),
    integrationsOf(db, claim.id),
    claim.payment_batch_id ? paymentBatchRef(db, claim.payment_batch_id) : undefined,
  ]);
  const status = claim.status as ClaimStatus;
  return {
    id: claim.id,
    number: claim.number,
    merchantId: claim.merchant_structure_id,
    merchantName: merchants.get(claim.merchant_structure_id)?.name ?? '',
    status,
    statusLabel: CLAIM_STATUSES[status].label,
    period: periodOfClaim(claim),
    requestedAt: claim.created_at.toISOString(),
    amountCents: claim.amount_cents,
    purchaseCount: claim.purchase_count,
    transactionsFrom: claim.transactions_from,
    transactionsTo: claim.transactions_to,
    iban: claim.iban,
    email: claim.email,
    rejectionReason: claim.rejection_reason,
    paymentBatch: batch ? { id: batch.id, messageId: batch.message_id } : null,
    history: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      toLabel: CLAIM_STATUSES[h.to_status].label,
      actorKind: h.actor_kind,
      actorName: h.actor_name,
      note: h.note,
      at: h.occurred_at.toISOString(),
    })),
    integrations: await Promise.all(
      integrations.map(async (i) => {
        // The merchant may replace his PDF until he sends it ("Integra documentazione"): the
        // region sees it only once sent.
        const document = i.submitted_at && i.document_id ? await documents.find(i.document_id) : undefined;
        return {
          id: i.id,
          requestText: i.request_text,
          deadline: i.deadline,
          requestedAt: i.requested_at.toISOString(),
          submittedAt: i.submitted_at?.toISOString() ?? null,
          document: document ? { id: document.id, fileName: document.originalName, sizeBytes: document.sizeBytes } : null,
        };
      }),
    ),
    actions: regionActions(status),
  };
}

export type ClaimDetail = Awaited<ReturnType<typeof claimDetail>>;
