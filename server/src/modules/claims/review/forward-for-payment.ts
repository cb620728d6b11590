import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../core/audit/audit.js';
import { structuresByIds } from '../../../core/organisations/index.js';
import { Conflict } from '../../../platform/http/errors.js';
import { romeDate } from '../../../shared/dates.js';
import { changeClaimStatus } from '../change-status.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { pain001Xml } from './pain001.js';
import type { RegionDecision } from './decide-claim.js';
import { italianDay } from './review-rules.js';

export interface PaymentBatchRequest {
  claimIds: readonly string[];
  debtorName: string;
  /** Already checked and normalised (Italian IBAN). */
  debtorIban: string;
  executionDate: string;
}

/** "ISTANZE-20261203-1A2B3C4D5E6F": unique (12 hex of a random id), 29 SEPA characters. */
export const messageIdOf = (batchId: string, today: string) => `ISTANZE-${today.replaceAll('-', '')}-${batchId.replaceAll('-', '').slice(0, 12).toUpperCase()}`;

/** "Rimborso voucher istanza n. 12 - 1 quadrimestre 2026" (the merchant's bank statement). */
export const remittanceOf = (c: { number: number; period_index: number; period_year: number }) =>
  `Rimborso voucher istanza n. ${c.number} - ${c.period_index} quadrimestre ${c.period_year}`;

/**
 * "Inoltra per decreto di pagamento": in one transaction, locks the claims, checks each is an
 * approved claim of this region, writes the batch with its SEPA credit transfer file
 * (pain.001.001.03) and moves every claim to "Inoltrata per decreto di pagamento".
 */
export async function forwardForPayment(deps: ClaimsDeps, request: PaymentBatchRequest, by: RegionDecision & { regionName: string }) {
  const ids = [...new Set(request.claimIds)].sort();
  return deps.db.transaction().execute(async (trx) => {
    const db = trx as Kysely<ClaimTables>;
    // Sorted ids, so two batches over the same claims lock in the same order (no deadlock).
    const claims = await db
      .selectFrom('claims')
      .selectAll()
      .where('id', 'in', ids)
      .where('region_structure_id', '=', by.regionId)
      .orderBy('id')
      .forUpdate()
      .execute();

    const refusals: Record<string, string> = {};
    const found = new Map(claims.map((c) => [c.id, c]));
    for (const id of ids) {
      const claim = found.get(id);
      if (!claim) refusals[id] = 'Istanza non trovata.';
      else if (claim.status !== 'approvata') refusals[id] = `Istanza n. ${claim.number}: è nello stato «${CLAIM_STATUSES[claim.status as ClaimStatus].label}», non «Approvata».`;
    }
    if (Object.keys(refusals).length > 0) {
      const numbers = claims.filter((c) => refusals[c.id]).map((c) => `n. ${c.number}`);
      const missing = ids.length - claims.length;
      const parts = [...(numbers.length ? [`le istanze ${numbers.join(', ')} non sono approvate`] : []), ...(missing ? [`${missing} istanze non sono state trovate`] : [])];
      throw new Conflict('claims_not_forwardable', `Nessuna istanza inoltrata: ${parts.join('; ')}. Si possono inoltrare solo istanze approvate.`, refusals);
    }

    const now = deps.clock.now();
    const batchId = randomUUID();
    const messageId = messageIdOf(batchId, romeDate(now));
    const merchants = await structuresByIds(trx, claims.map((c) => c.merchant_structure_id));
    const ordered = [...claims].sort((a, b) => a.number - b.number);
    const controlSumCents = ordered.reduce((sum, c) => sum + c.amount_cents, 0);
    const xml = pain001Xml({
      messageId,
      createdAt: now,
      initiatingPartyName: by.regionName,
      debtor: { name: request.debtorName, iban: request.debtorIban },
      executionDate: request.executionDate,
      transfers: ordered.map((c) => ({
        endToEndId: `ISTANZA-${c.number}`,
        amountCents: c.amount_cents,
        creditorName: merchants.get(c.merchant_structure_id)?.name ?? 'Esercente',
        creditorIban: c.iban,
        remittance: remittanceOf(c),
      })),
    });

    await db
      .insertInto('claim_payment_batches')
      .values({
        id: batchId,
        region_structure_id: by.regionId,
        message_id: messageId,
        debtor_name: request.debtorName,
        debtor_iban: request.debtorIban,
        execution_date: request.executionDate,
        claim_count: ordered.length,
        control_sum_cents: controlSumCents,
        xml,
        created_by: by.actor.audit.userId!,
        created_at: now,
      })
      .execute();
    await recordAudit(trx, by.actor.audit, {
      action: 'claim.payment-batch.create',
      subject: { type: 'claim_payment_batch', id: batchId },
      after: { messageId, claimCount: ordered.length, controlSumCents, executionDate: request.executionDate, claimIds: ordered.map((c) => c.id) },
    });
    const note = `Distinta di pagamento ${messageId}, data di esecuzione richiesta ${italianDay(request.executionDate)}.`;
    for (const claim of ordered) {
      await changeClaimStatus(trx, deps, {
        claimId: claim.id,
        to: 'inoltrata',
        actor: by.actor,
        note,
        set: { payment_batch_id: batchId },
        scope: { regionStructureId: by.regionId },
      });
    }
    return { id: batchId, messageId };
  });
}
