import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../../core/audit/audit.js';
import { enqueueNotification } from '../../../core/notifications/outbox.js';
import { ownersOf, structuresByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { Conflict, RuleViolation } from '../../../platform/http/errors.js';
import { romeDate } from '../../../shared/dates.js';
import type { ClaimActor } from '../change-status.js';
import { merchantClaimPath } from '../change-status.js';
import { CLAIM_STATUSES } from '../claim-status.js';
import { filingWindowAt, periodLabel } from '../claim-window.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { alreadyFiledMessage, windowClosedMessage } from './claim-filing.js';
import { checkContact } from './claim-contact.js';
import { liveClaimsOfPeriod } from './claims.repository.js';
import { claimablePurchases } from '../../vouchers/index.js';

export interface NewClaim {
  merchantStructureId: string;
  regionStructureId: string;
  iban: string;
  email: string;
  actor: ClaimActor & { audit: { userId: string } };
}

export const NOTHING_TO_CLAIM = 'Non ci sono transazioni da rimborsare.';
const CREATED_NOTE = 'Istanza inserita.';

/**
 * "Conferma e salva": files the claim of the current quadrimestre for one region, holding every
 * confirmed, never cancelled purchase of the merchant made before today (Rome) that no live claim
 * holds. Today's purchases wait for the next claim: they may still be cancelled today.
 *
 * The purchases never come to Node: one INSERT ... SELECT copies them into the claim and the same
 * statement writes the totals. The claim row is inserted first, so a concurrent second filing
 * waits on the unique index "one claim per quadrimestre" and then fails with a 409.
 */
export async function createClaim(deps: ClaimsDeps, input: NewClaim): Promise<{ id: string; number: number }> {
  const now = deps.clock.now();
  const { open, window } = filingWindowAt(now);
  if (!open) throw new Conflict('claim_window_closed', windowClosedMessage(window));

  const contact = checkContact({ iban: input.iban, email: input.email });
  if (contact.errors) throw new RuleViolation('claim_contact_invalid', Object.values(contact.errors).join(' '), contact.errors);
  const iban = contact.iban as string;
  const email = contact.email as string;

  const alreadyFiled = (await liveClaimsOfPeriod(deps.db, input.merchantStructureId, window.period)).filter((c) => c.region_structure_id === input.regionStructureId);
  if (alreadyFiled.length > 0) {
    throw new Conflict('claim_already_filed', alreadyFiledMessage(window, alreadyFiled.map((c) => Number(c.number))));
  }

  try {
    return await deps.db.transaction().execute(async (trx) => {
      const db = trx as Kysely<ClaimTables>;
      // Totals are placeholders until the purchases are in (the CHECKs want them positive).
      const claim = await db
        .insertInto('claims')
        .values({
          merchant_structure_id: input.merchantStructureId,
          region_structure_id: input.regionStructureId,
          period_year: window.period.year,
          period_index: window.period.index,
          amount_cents: 1,
          purchase_count: 1,
          transactions_from: window.opens,
          transactions_to: window.opens,
          iban,
          email,
          created_by: input.actor.audit.userId,
          created_at: now,
          status_changed_at: now,
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow();

      // Purchases a live claim already holds are skipped by the unique index itself (ON CONFLICT)
      // rather than by NOT EXISTS: an anti-join against the table being filled can be planned as a
      // scan of it per row, which costs O(n²) when claim_purchases is small or empty.
      const source = claimablePurchases(trx, {
        merchantStructureId: input.merchantStructureId,
        regionStructureId: input.regionStructureId,
        // The Rome day the claim is filed on: it takes the purchases of the days before.
        beforeDay: romeDate(now),
      });
      const { rows } = await sql<{ amount_cents: number; purchase_count: number; transactions_from: string; transactions_to: string }>`
        WITH inserted AS (
          INSERT INTO claim_purchases (claim_id, movement_id, purchased_at, voucher_code, beneficiary_fiscal_code, amount_cents, receipt_document_id)
          SELECT ${claim.id}::uuid, s.movement_id, s.purchased_at, s.voucher_code, s.beneficiary_fiscal_code, s.amount_cents, s.receipt_document_id
            FROM (${source}) s
          ON CONFLICT (movement_id) WHERE live DO NOTHING
          RETURNING amount_cents, purchased_at
        ), totals AS (
          SELECT count(*)::int AS n, sum(amount_cents)::bigint AS cents, min(purchased_at) AS first_at, max(purchased_at) AS last_at FROM inserted
        )
        UPDATE claims c
           SET amount_cents = t.cents,
               purchase_count = t.n,
               transactions_from = (t.first_at AT TIME ZONE 'Europe/Rome')::date,
               transactions_to = (t.last_at AT TIME ZONE 'Europe/Rome')::date
          FROM totals t
         WHERE c.id = ${claim.id}::uuid AND t.n > 0
        RETURNING c.amount_cents, c.purchase_count, c.transactions_from, c.transactions_to`.execute(trx);
      const totals = rows[0];
      if (!totals) throw new RuleViolation('nothing_to_claim', NOTHING_TO_CLAIM);

      await db
        .insertInto('claim_history')
        .values({
          claim_id: claim.id,
          from_status: null,
          to_status: 'da_valutare',
          actor_kind: 'merchant',
          actor_user_id: input.actor.audit.userId,
          actor_name: input.actor.audit.name,
          note: CREATED_NOTE,
          occurred_at: now,
        })
        .execute();
      const number = Number(claim.number);
      const after = {
        number,
        period: window.period,
        regionStructureId: input.regionStructureId,
        amountCents: Number(totals.amount_cents),
        purchaseCount: Number(totals.purchase_count),
        transactionsFrom: totals.transactions_from,
        transactionsTo: totals.transactions_to,
        iban,
        email,
      };
      await recordAudit(trx, input.actor.audit, { action: 'claim.create', subject: { type: 'claim', id: claim.id }, after });
      await notifyCreation(trx, deps, { id: claim.id, number, merchantStructureId: input.merchantStructureId, email, amountCents: after.amountCents, period: window.period });
      return { id: claim.id, number };
    });
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'claims_one_per_period') {
      const filed = await liveClaimsOfPeriod(deps.db, input.merchantStructureId, window.period);
      throw new Conflict('claim_already_filed', alreadyFiledMessage(window, filed.filter((c) => c.region_structure_id === input.regionStructureId).map((c) => Number(c.number))));
    }
    throw error;
  }
}

/** The owners and the claim's address learn it was filed, like every later change of status. */
async function notifyCreation(
  trx: AnyDb,
  deps: ClaimsDeps,
  claim: { id: string; number: number; merchantStructureId: string; email: string; amountCents: number; period: { year: number; index: number } },
): Promise<void> {
  const merchant = (await structuresByIds(trx, [claim.merchantStructureId])).get(claim.merchantStructureId);
  const recipients = new Set([claim.email.toLowerCase()]);
  for (const owner of await ownersOf(trx, claim.merchantStructureId)) if (owner.email) recipients.add(owner.email.toLowerCase());
  for (const recipient of recipients) {
    await enqueueNotification(trx, {
      channel: 'email',
      recipient,
      template: 'claim-status-changed',
      idempotencyKey: `claim:${claim.id}:created:${recipient}`,
      data: {
        merchant: merchant?.name ?? 'esercente',
        claimNumber: claim.number,
        period: periodLabel(claim.period),
        amountCents: claim.amountCents,
        status: CLAIM_STATUSES.da_valutare.label,
        note: CREATED_NOTE,
        link: new URL(merchantClaimPath(claim.id), deps.publicUrl).toString(),
      },
    });
  }
}
