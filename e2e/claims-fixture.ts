import { randomUUID } from 'node:crypto';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import { checkItalianIban, cinOf, ibanCheckDigits } from '../server/src/modules/claims/merchant/iban.js';
import { romeDate } from '../server/src/shared/dates.js';
import { fiscalCodeCheckCharacter } from '../server/src/shared/fiscal-code.js';
import type { TestApp } from '../server/test/test-app.js';

/**
 * The data of the claims journey, written straight into the vouchers tables: the end-to-end apps
 * get only the core demo (structures and people). A program of Regione Campania with Baby Store
 * Caserta and Farmacia Centrale enrolled, one voucher, Baby Store's purchases on days of March of
 * next year (one cancelled) and one of Farmacia Centrale. Next year, so that every date is in the
 * future of the real clock and the "Data simulata" only moves forward.
 */
export interface ClaimsJourney {
  year: number;
  regionId: string;
  babyStoreId: string;
  /** Baby Store's purchases the claim must hold, confirmed and never cancelled. */
  claimed: { day: string; cents: number }[];
  /** The Baby Store purchase cancelled the same day: left out of the claim. */
  cancelledCents: number;
  /** Farmacia Centrale's purchase: another merchant's, in no claim of Baby Store. */
  otherMerchantCents: number;
  /** The administrator's id, who "sets" the simulated date. */
  adminId: string;
}

const BENEFICIARY = 'VRDGLI90A41F839';
export const BENEFICIARY_FISCAL_CODE = `${BENEFICIARY}${fiscalCodeCheckCharacter(BENEFICIARY)}`;

/** A valid Italian IBAN for this bank, branch and account: CIN and check digits computed, then checked. */
export function italianIban(abi: string, cab: string, account: string): string {
  const cin = cinOf(`${abi}${cab}${account}`);
  const bban = `${cin}${abi}${cab}${account}`;
  const iban = `IT${ibanCheckDigits(bban)}${bban}`;
  const check = checkItalianIban(iban);
  if (!check.valid) throw new Error(`${iban}: ${check.message}`);
  return iban;
}

/** "IT60X0542811101000000123456" → "IT60 X054 2811 1010 0000 0123 456", as the pages show it. */
export const groupedIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** 125000 → "1.250,00 €", the web app's format. */
export function euro(cents: number): string {
  const euros = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${euros},${String(cents % 100).padStart(2, '0')} €`;
}

export async function seedClaimsJourney(app: TestApp): Promise<ClaimsJourney> {
  const db = app.database.pool;
  const one = async (text: string, values: unknown[] = []) => (await db.query<{ id: string }>(text, values)).rows[0]!.id;
  const structure = (name: string) => one('SELECT id FROM organisations WHERE name = $1', [name]);
  const user = (fiscalCode: string) => one('SELECT id FROM users WHERE fiscal_code = $1', [fiscalCode]);
  const [regionId, babyStoreId, farmaciaId, babyStoreOperator, farmaciaOperator, adminId] = await Promise.all([
    structure('Regione Campania'),
    structure('Baby Store Caserta'),
    structure('Farmacia Centrale'),
    user(DEMO_PEOPLE.secondMerchantOperator.fiscalCode),
    user(DEMO_PEOPLE.merchantOperator.fiscalCode),
    one("SELECT id FROM users WHERE username = 'admin'"),
  ]);
  const year = Number(romeDate(app.simulatedClock.now()).slice(0, 4)) + 1;

  const programId = await one(
    "INSERT INTO voucher_programs (name, face_value_cents, validity_months, region_structure_id) VALUES ('Voucher Secondogeniti E2E Istanze', 300000, 24, $1) RETURNING id",
    [regionId],
  );
  for (const merchant of [babyStoreId, farmaciaId]) {
    await db.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [programId, merchant]);
  }
  const voucherId = await one(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ('VS-E2E-IST-0001', $1, $2, '80380000000000654321', 'Giulia', 'Verdi', '+393339990002', 300000, 300000, $3, $4) RETURNING id`,
    [programId, BENEFICIARY_FISCAL_CODE, `${year - 1}-06-01`, `${year + 1}-05-31`],
  );

  // March is winter time in Rome until its last Sunday: +01:00 on these days.
  const purchase = async (merchantId: string, createdBy: string, at: string, cents: number) => {
    const id = await one(
      `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, idempotency_key, created_by, created_at, confirmed_at)
       VALUES ($1, $2, 'acquisto', 'confermato', $3, $4, $5, $6, $6) RETURNING id`,
      [voucherId, merchantId, cents, randomUUID(), createdBy, at],
    );
    await db.query('UPDATE vouchers SET available_cents = available_cents - $2 WHERE id = $1', [voucherId, cents]);
    return id;
  };
  const claimed = [
    { day: `${year}-03-03`, cents: 12550 },
    { day: `${year}-03-12`, cents: 8990 },
    { day: `${year}-03-19`, cents: 103460 },
  ];
  for (const p of claimed) await purchase(babyStoreId, babyStoreOperator, `${p.day}T11:15:00+01:00`, p.cents);

  // Cancelled the same day by a confirmed "cancellazione": the whole amount back to the voucher.
  const cancelledCents = 4000;
  const cancelled = await purchase(babyStoreId, babyStoreOperator, `${year}-03-10T09:30:00+01:00`, cancelledCents);
  await db.query(
    `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, purchase_id, idempotency_key, created_by, created_at, confirmed_at)
     VALUES ($1, $2, 'cancellazione', 'confermato', $3, $4, $5, $6, $7, $7)`,
    [voucherId, babyStoreId, cancelledCents, cancelled, randomUUID(), babyStoreOperator, `${year}-03-10T09:45:00+01:00`],
  );
  await db.query('UPDATE vouchers SET available_cents = available_cents + $2 WHERE id = $1', [voucherId, cancelledCents]);

  const otherMerchantCents = 2790;
  await purchase(farmaciaId, farmaciaOperator, `${year}-03-05T16:00:00+01:00`, otherMerchantCents);

  return { year, regionId, babyStoreId, claimed, cancelledCents, otherMerchantCents, adminId };
}
