/**
 * Test data for the claims: a region's program, vouchers and purchases written straight into the
 * vouchers tables on the days a test needs (the vouchers API can only buy "today"), and the
 * region's moves of a claim through changeClaimStatus, as its back office will make them.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../../../test/test-app.js';
import { changeClaimStatus, type ClaimActor } from '../change-status.js';
import type { ClaimStatus } from '../claim-status.js';
import { fiscalCodeFor } from '../../vouchers/programs/test-support.js';

export interface ClaimsFixture {
  farmaciaId: string;
  babyStoreId: string;
  regionId: string;
  /** A program of the region, with Farmacia Centrale and Baby Store Caserta enrolled. */
  programId: string;
  /** A program written before programs had an owner: its purchases belong to no region. */
  orphanProgramId: string;
  operatorUserId: string;
}

const one = async <T = Record<string, string>>(t: TestApp, text: string, values: unknown[] = []): Promise<T> => (await t.database.pool.query(text, values)).rows[0] as T;

export async function seedClaimsFixture(t: TestApp): Promise<ClaimsFixture> {
  const id = async (name: string) => (await one<{ id: string }>(t, 'SELECT id FROM organisations WHERE name = $1', [name])).id;
  const [farmaciaId, babyStoreId, regionId] = await Promise.all([id('Farmacia Centrale'), id('Baby Store Caserta'), id('Regione Campania')]);
  const programId = (await one<{ id: string }>(t, "INSERT INTO voucher_programs (name, face_value_cents, validity_months, region_structure_id) VALUES ('Voucher Secondogeniti 2027', 100000, 24, $1) RETURNING id", [regionId])).id;
  const orphanProgramId = (await one<{ id: string }>(t, "INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Programma senza regione', 100000, 24) RETURNING id")).id;
  for (const program of [programId, orphanProgramId]) {
    for (const merchant of [farmaciaId, babyStoreId]) {
      await t.database.pool.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program, merchant]);
    }
  }
  const operatorUserId = (await one<{ id: string }>(t, "SELECT id FROM users WHERE email = 'francesca.gallo@example.it'")).id;
  // The owners may use the service: by right once sessions grant owners every service of their
  // structure, and until then through an explicit association (harmless afterwards).
  await t.database.pool.query(
    `INSERT INTO membership_services (organisation_id, user_id, service_code)
     SELECT organisation_id, user_id, 'istanza-rimborso' FROM memberships WHERE role = 'owner' AND organisation_id = ANY($1::uuid[])
     ON CONFLICT DO NOTHING`,
    [[farmaciaId, babyStoreId]],
  );
  return { farmaciaId, babyStoreId, regionId, programId, orphanProgramId, operatorUserId };
}

let serial = 1000;

/** A voucher of the program, active from 2026 to 2028. */
export async function seedVoucher(t: TestApp, programId: string): Promise<string> {
  const n = serial++;
  return (
    await one<{ id: string }>(
      t,
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       VALUES ($1, $2, $3, $4, 'Maria', 'Rossi', '+393330000000', 100000, 100000, '2026-01-01', '2028-12-31') RETURNING id`,
      [`VS-TEST-${n}`, programId, fiscalCodeFor(n), `80380${String(n).padStart(15, '0')}`],
    )
  ).id;
}

export interface SeededPurchase {
  voucherId: string;
  merchantId: string;
  /** An instant with its offset, e.g. "2027-04-14T23:30:00+02:00" (Rome summer time). */
  at: string;
  amountCents: number;
  status?: 'confermato' | 'in_attesa' | 'rilasciato';
  receiptDocumentId?: string | null;
  createdBy: string;
}

/** A purchase movement on any day, with the voucher's balance kept equal to its ledger. */
export async function seedPurchase(t: TestApp, p: SeededPurchase): Promise<string> {
  const status = p.status ?? 'confermato';
  const movement = await one<{ id: string }>(
    t,
    `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, receipt_document_id, idempotency_key, created_by, created_at, confirmed_at)
     VALUES ($1, $2, 'acquisto', $3, $4, $5, $6, $7, $8, CASE WHEN $3 = 'confermato' THEN $8::timestamptz END) RETURNING id`,
    [p.voucherId, p.merchantId, status, p.amountCents, p.receiptDocumentId ?? null, randomUUID(), p.createdBy, p.at],
  );
  if (status !== 'rilasciato') await t.database.pool.query('UPDATE vouchers SET available_cents = available_cents - $2 WHERE id = $1', [p.voucherId, p.amountCents]);
  return movement.id;
}

/** "Cancella Movimento", confirmed: the whole amount back to the voucher. */
export async function seedCancellation(t: TestApp, purchaseId: string, at: string): Promise<void> {
  const purchase = await one<{ voucher_id: string; merchant_structure_id: string; amount_cents: string; created_by: string }>(t, 'SELECT * FROM voucher_movements WHERE id = $1', [purchaseId]);
  await t.database.pool.query(
    `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, purchase_id, idempotency_key, created_by, created_at, confirmed_at)
     VALUES ($1, $2, 'cancellazione', 'confermato', $3, $4, $5, $6, $7, $7)`,
    [purchase.voucher_id, purchase.merchant_structure_id, purchase.amount_cents, purchaseId, randomUUID(), purchase.created_by, at],
  );
  await t.database.pool.query('UPDATE vouchers SET available_cents = available_cents + $2 WHERE id = $1', [purchase.voucher_id, purchase.amount_cents]);
}

/** The rules' clock at this instant ("Data simulata"). */
export async function setToday(t: TestApp, at: string): Promise<void> {
  const admin = await one<{ id: string }>(t, "SELECT id FROM users WHERE username = 'admin'");
  await t.simulatedClock.set(new Date(at), admin.id);
}

const REGION_ACTOR: ClaimActor = {
  kind: 'region',
  audit: { userId: null, name: 'Luca Romano', structureId: null, structureName: 'Regione Campania', ip: null },
};

/** The region moves a claim (approve, forward, reject...), as its back office does. */
export async function regionMoves(t: TestApp, claimId: string, to: ClaimStatus, set?: { rejection_reason?: string; payment_batch_id?: string }): Promise<void> {
  await t.database.kysely.transaction().execute(async (trx) => {
    await changeClaimStatus(trx, { clock: t.simulatedClock, publicUrl: t.baseUrl }, { claimId, to, actor: REGION_ACTOR, set });
  });
}

/** "Da integrare": the region asks for documents by a deadline. */
export async function requestIntegration(t: TestApp, claimId: string, requestText: string, deadline: string): Promise<void> {
  const requester = await one<{ id: string }>(t, "SELECT id FROM users WHERE email = 'luca.romano@example.it'");
  await t.database.kysely.transaction().execute(async (trx) => {
    await changeClaimStatus(trx, { clock: t.simulatedClock, publicUrl: t.baseUrl }, { claimId, to: 'da_integrare', actor: REGION_ACTOR, note: requestText });
    await trx
      .insertInto('claim_integrations')
      .values({ claim_id: claimId, request_text: requestText, deadline, requested_by: requester.id, requested_at: t.simulatedClock.now() })
      .execute();
  });
}

/** Approved, then forwarded for the payment decree in a batch: the payment procedure has started. */
export async function forwardForPayment(t: TestApp, claimId: string, regionId: string): Promise<void> {
  await regionMoves(t, claimId, 'approvata');
  const requester = await one<{ id: string }>(t, "SELECT id FROM users WHERE email = 'luca.romano@example.it'");
  const batch = await one<{ id: string }>(
    t,
    `INSERT INTO claim_payment_batches (region_structure_id, message_id, debtor_name, debtor_iban, execution_date, claim_count, control_sum_cents, xml, created_by, created_at)
     SELECT $1, $2, 'Regione Campania', 'IT60X0542811101000000123456', '2027-05-10', 1, amount_cents, '<Document/>', $3, now() FROM claims WHERE id = $4 RETURNING id`,
    [regionId, `TEST-${randomUUID().slice(0, 20)}`, requester.id, claimId],
  );
  await regionMoves(t, claimId, 'inoltrata', { payment_batch_id: batch.id });
}
