/**
 * Tests: claims written straight into the tables (not through the merchant's routes), the regions
 * and the signed-in clients of the region's back office.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createDocuments, DiskDocumentStore, PURCHASE_RECEIPT_POLICY, CLAIM_INTEGRATION_POLICY } from '../../../core/documents/index.js';
import { samplePdf } from '../../../core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../../shared/fiscal-code.js';
import { HttpClient } from '../../../../test/http-client.js';
import type { TestApp } from '../../../../test/test-app.js';
import type { ClaimStatus } from '../claim-status.js';
import { CLAIMS_REVIEW_SERVICE } from '../claims.deps.js';
import { cinOf, ibanCheckDigits } from '../merchant/iban.js';

/** A valid Italian IBAN with this account number (ABI 05428, CAB 11101). */
export function testIban(account: string): string {
  const rest = `0542811101${account.padStart(12, '0')}`;
  const bban = cinOf(rest) + rest;
  return `IT${ibanCheckDigits(bban)}${bban}`;
}

export const BENEFICIARY = `BNCMRA85M41F839${fiscalCodeCheckCharacter('BNCMRA85M41F839')}`;

export interface ReviewWorld {
  campania: string;
  basilicata: string;
  farmacia: string;
  babyStore: string;
  /** The operator of Campania who decides (for created_by columns). */
  campaniaOperatorUserId: string;
}

/** The demo structures, plus "Regione Basilicata" where Maria Bianchi evaluates claims. */
export async function reviewWorld(t: TestApp): Promise<ReviewWorld> {
  const db = t.database.pool;
  const org = async (name: string) => (await db.query('SELECT id FROM organisations WHERE name = $1', [name])).rows[0].id as string;
  const user = async (fiscalCode: string) => (await db.query('SELECT id FROM users WHERE fiscal_code = $1', [fiscalCode])).rows[0].id as string;
  const basilicata = (await db.query("INSERT INTO organisations (kind, name) VALUES ('region', 'Regione Basilicata') RETURNING id")).rows[0].id as string;
  const maria = await user(DEMO_PEOPLE.agencyOwner.fiscalCode);
  await db.query("INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'operator')", [basilicata, maria]);
  await db.query('INSERT INTO membership_services (organisation_id, user_id, service_code) VALUES ($1, $2, $3)', [basilicata, maria, CLAIMS_REVIEW_SERVICE]);
  return {
    campania: await org('Regione Campania'),
    basilicata,
    farmacia: await org('Farmacia Centrale'),
    babyStore: await org('Baby Store Caserta'),
    campaniaOperatorUserId: await user(DEMO_PEOPLE.regionOperator.fiscalCode),
  };
}

export async function signedIn(t: TestApp, fiscalCode: string, structure: string): Promise<HttpClient> {
  const client = new HttpClient(t.baseUrl);
  await client.signInWithSpid(fiscalCode);
  await client.selectStructure(structure);
  return client;
}

/** Luca Romano, operator of Regione Campania; Maria Bianchi of Regione Basilicata; Francesca Gallo of Farmacia Centrale. */
export const signInCampania = (t: TestApp) => signedIn(t, DEMO_PEOPLE.regionOperator.fiscalCode, 'Regione Campania');
export const signInBasilicata = (t: TestApp) => signedIn(t, DEMO_PEOPLE.agencyOwner.fiscalCode, 'Regione Basilicata');
export const signInMerchant = (t: TestApp) => signedIn(t, DEMO_PEOPLE.merchantOwner.fiscalCode, 'Farmacia Centrale');

export interface TestClaim {
  merchantId: string;
  regionId: string;
  year: number;
  index: number;
  status?: ClaimStatus;
  /** The purchases' amounts; the claim's amount is their sum. */
  amounts?: number[];
  createdAt?: string;
  email?: string;
  /** For "da_integrare": the open request's deadline. */
  deadline?: string;
  /** Give the first purchase a receipt (PDF in the app's document store). */
  withReceipt?: boolean;
}

let serial = 0;

/** Inserts a claim with its purchases and its first history row; returns its id and number. */
export async function insertClaim(t: TestApp, c: TestClaim): Promise<{ id: string; number: number; movementIds: string[] }> {
  const db = t.database.pool;
  const amounts = c.amounts ?? [1_000, 2_550];
  const status = c.status ?? 'da_valutare';
  const createdAt = c.createdAt ?? '2026-11-30T10:00:00Z';
  serial += 1;
  let batchId: string | null = null;
  if (status === 'inoltrata') {
    batchId = (
      await db.query(
        `INSERT INTO claim_payment_batches (region_structure_id, message_id, debtor_name, debtor_iban, execution_date, claim_count, control_sum_cents, xml, created_by, created_at)
         VALUES ($1, $2, 'Tesoreria', $3, '2026-12-01', 1, $4, '<xml/>', gen_random_uuid(), now()) RETURNING id`,
        [c.regionId, `TEST-${serial}-${randomUUID().slice(0, 8)}`, testIban('1'), amounts.reduce((a, b) => a + b, 0)],
      )
    ).rows[0].id;
  }
  const claim = (
    await db.query(
      `INSERT INTO claims (merchant_structure_id, region_structure_id, period_year, period_index, status, amount_cents, purchase_count,
                           transactions_from, transactions_to, iban, email, rejection_reason, payment_batch_id, created_by, created_at, status_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, gen_random_uuid(), $14, $14) RETURNING id, number`,
      [
        c.merchantId,
        c.regionId,
        c.year,
        c.index,
        status,
        amounts.reduce((a, b) => a + b, 0),
        amounts.length,
        `${c.year}-0${c.index * 4 - 3}-05`,
        `${c.year}-0${c.index * 4 - 3}-20`,
        testIban(String(serial)),
        c.email ?? 'amministrazione@example.it',
        status === 'rifiutata' ? 'Motivo di prova' : null,
        batchId,
        createdAt,
      ],
    )
  ).rows[0] as { id: string; number: number };
  const movementIds: string[] = [];
  for (const [i, amount] of amounts.entries()) {
    const receipt = c.withReceipt && i === 0 ? await storeDocument(t, c.merchantId, 'receipt') : null;
    const movementId = randomUUID();
    movementIds.push(movementId);
    await db.query(
      `INSERT INTO claim_purchases (claim_id, movement_id, live, purchased_at, voucher_code, beneficiary_fiscal_code, amount_cents, receipt_document_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [claim.id, movementId, !['rifiutata', 'scaduta', 'annullata'].includes(status), `${c.year}-0${c.index * 4 - 3}-${String(5 + i).padStart(2, '0')}T09:00:00Z`, `VS-TEST-${serial}`, BENEFICIARY, amount, receipt],
    );
  }
  await db.query(`INSERT INTO claim_history (claim_id, from_status, to_status, actor_kind, occurred_at) VALUES ($1, NULL, 'da_valutare', 'merchant', $2)`, [claim.id, createdAt]);
  if (status !== 'da_valutare') {
    await db.query(`INSERT INTO claim_history (claim_id, from_status, to_status, actor_kind, occurred_at) VALUES ($1, 'da_valutare', $2, 'region', $3)`, [claim.id, status, createdAt]);
  }
  if (status === 'da_integrare') {
    await db.query(`INSERT INTO claim_integrations (claim_id, request_text, deadline, requested_by, requested_at) VALUES ($1, 'Inviare gli scontrini', $2, gen_random_uuid(), $3)`, [
      claim.id,
      c.deadline ?? '2026-12-20',
      createdAt,
    ]);
  }
  return { ...claim, movementIds };
}

/** A small PDF stored as the merchant's (a receipt or an integration document); returns its id. */
export async function storeDocument(t: TestApp, merchantId: string, kind: 'receipt' | 'integration'): Promise<string> {
  const documents = createDocuments({ db: t.database.kysely, store: new DiskDocumentStore(t.documentsDir), clock: t.clock });
  const owner = await t.database.pool.query('SELECT id FROM users WHERE fiscal_code = $1', [DEMO_PEOPLE.merchantOwner.fiscalCode]);
  const record = await documents.uploadStream({
    content: Readable.from([samplePdf(`${kind} ${randomUUID()}`)]),
    fileName: kind === 'receipt' ? 'scontrino.pdf' : 'integrazione.pdf',
    policy: kind === 'receipt' ? PURCHASE_RECEIPT_POLICY : CLAIM_INTEGRATION_POLICY,
    owner: { structureId: merchantId },
    uploadedBy: owner.rows[0].id as string,
  });
  return record.id;
}

/** The e-mails queued for a claim's status changes, as the outbox holds them. */
export async function claimEmails(t: TestApp, claimNumber: number) {
  const rows = await t.database.pool.query(
    "SELECT recipient, data FROM outbox_messages WHERE template = 'claim-status-changed' AND (data->>'claimNumber')::bigint = $1 ORDER BY created_at, recipient",
    [claimNumber],
  );
  return rows.rows as { recipient: string; data: { status: string; note?: string } }[];
}
