import { Readable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../core/clock/clock.js';
import { createDocuments, type DocumentStore, PURCHASE_RECEIPT_POLICY } from '../../core/documents/index.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import type { AnyDb } from '../../platform/db/database.js';
import { romeDate } from '../../shared/dates.js';
import { fiscalCodeCheckCharacter } from '../../shared/fiscal-code.js';
import { formatEuro } from '../../shared/money.js';
import type { VoucherState } from './voucher-state.js';
import type { VoucherTables } from './vouchers.tables.js';

/**
 * The vouchers' demo data (issue 4): the program "Voucher Secondogeniti 2026" with Farmacia
 * Centrale and Baby Store Caserta enrolled, and beneficiaries whose vouchers are active, not yet
 * active, expired and exhausted, with movements spread over the last months. Every date is relative
 * to the clock's today in Rome on the day the demo is first started.
 */

export const DEMO_PROGRAM = { name: 'Voucher Secondogeniti 2026', faceValueCents: 100_000, validityMonths: 12 } as const;

type Merchant = 'farmacia' | 'babyStore';

interface DemoMovement {
  merchant: Merchant;
  daysAgo: number;
  /** Rome wall time "HH:MM". */
  time: string;
  amountCents: number;
  /** Cancelled the same day (the only day it may be) at this time. */
  cancelledAt?: string;
}

export interface DemoBeneficiary {
  fiscalCode: string;
  healthCardNumber: string;
  givenName: string;
  familyName: string;
  mobilePhone: string;
  /** "ID Voucher". */
  code: string;
  /** What the voucher is on the day of seeding (and stays for months: see the dates). */
  state: VoucherState;
  /** For the start-up printout and the README. */
  description: string;
  /** Activation relative to the day of seeding; expiry follows from the program's validity. */
  activation: { months: number; days?: number };
  movements: readonly DemoMovement[];
}

/** The Luhn check digit the tessera sanitaria (TEAM card) number ends with. */
function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 20-digit tessera sanitaria number: 80 (health) 380 (Italy), a serial, the check digit. */
const healthCard = (serial: number) => {
  const base = `80380${String(serial).padStart(14, '0')}`;
  return base + luhnDigit(base);
};
const fiscalCode = (first15: string) => first15 + fiscalCodeCheckCharacter(first15);

const { citizen: giovanni, secondCitizen: laura } = DEMO_PEOPLE;

export const DEMO_BENEFICIARIES: readonly DemoBeneficiary[] = [
  {
    ...pick(giovanni),
    healthCardNumber: healthCard(4_520_001),
    code: 'VS-DEMO-0001',
    description: 'attivo, con movimenti presso i due esercenti (e una cancellazione); SPID: vede "I miei voucher"',
    state: 'attivo',
    activation: { months: -5 },
    movements: [
      { merchant: 'farmacia', daysAgo: 140, time: '09:40', amountCents: 4_590 },
      { merchant: 'farmacia', daysAgo: 130, time: '17:05', amountCents: 1_890 },
      { merchant: 'babyStore', daysAgo: 120, time: '11:20', amountCents: 12_990 },
      { merchant: 'farmacia', daysAgo: 95, time: '10:15', amountCents: 2_350 },
      { merchant: 'babyStore', daysAgo: 70, time: '16:30', amountCents: 8_900 },
      { merchant: 'farmacia', daysAgo: 60, time: '12:10', amountCents: 990 },
      { merchant: 'farmacia', daysAgo: 45, time: '18:45', amountCents: 1_575 },
      { merchant: 'babyStore', daysAgo: 30, time: '10:20', amountCents: 5_400, cancelledAt: '16:45' },
      { merchant: 'farmacia', daysAgo: 12, time: '09:05', amountCents: 3_260 },
      { merchant: 'babyStore', daysAgo: 3, time: '15:50', amountCents: 15_000 },
    ],
  },
  {
    ...pick(laura),
    healthCardNumber: healthCard(4_520_002),
    code: 'VS-DEMO-0002',
    description: 'esaurito; SPID: vede "I miei voucher"',
    state: 'esaurito',
    activation: { months: -8 },
    movements: [
      { merchant: 'babyStore', daysAgo: 230, time: '10:00', amountCents: 24_990 },
      { merchant: 'farmacia', daysAgo: 180, time: '11:30', amountCents: 8_750 },
      { merchant: 'babyStore', daysAgo: 150, time: '17:15', amountCents: 31_500 },
      { merchant: 'farmacia', daysAgo: 100, time: '09:25', amountCents: 6_260 },
      { merchant: 'babyStore', daysAgo: 60, time: '16:00', amountCents: 18_500 },
      { merchant: 'farmacia', daysAgo: 20, time: '12:40', amountCents: 10_000 },
    ],
  },
  {
    fiscalCode: fiscalCode('SPSSFO92E52F839'),
    healthCardNumber: healthCard(4_520_003),
    givenName: 'Sofia',
    familyName: 'Esposito',
    mobilePhone: '+393332000003',
    code: 'VS-DEMO-0003',
    description: 'attivo, con movimenti',
    state: 'attivo',
    activation: { months: -2 },
    movements: [
      { merchant: 'babyStore', daysAgo: 40, time: '10:45', amountCents: 19_990 },
      { merchant: 'farmacia', daysAgo: 15, time: '18:20', amountCents: 3_450 },
      { merchant: 'babyStore', daysAgo: 5, time: '11:10', amountCents: 7_200 },
    ],
  },
  {
    fiscalCode: fiscalCode('CSTDVD85L09B963'),
    healthCardNumber: healthCard(4_520_004),
    givenName: 'Davide',
    familyName: 'Costa',
    mobilePhone: '+393332000004',
    code: 'VS-DEMO-0004',
    description: 'attivo, mai usato',
    state: 'attivo',
    activation: { months: 0, days: -10 },
    movements: [],
  },
  {
    fiscalCode: fiscalCode('GLLLSN87H21B963'),
    healthCardNumber: healthCard(4_520_005),
    givenName: 'Alessandro',
    familyName: 'Galli',
    mobilePhone: '+393332000005',
    code: 'VS-DEMO-0005',
    description: 'non ancora attivo (si attiva un mese dopo il primo avvio)',
    state: 'non_attivo',
    activation: { months: 1 },
    movements: [],
  },
  {
    fiscalCode: fiscalCode('MRTGLI90C58F839'),
    healthCardNumber: healthCard(4_520_006),
    givenName: 'Giulia',
    familyName: 'Moretti',
    mobilePhone: '+393332000006',
    code: 'VS-DEMO-0006',
    description: 'scaduto',
    state: 'scaduto',
    activation: { months: -14 },
    movements: [
      { merchant: 'farmacia', daysAgo: 400, time: '10:30', amountCents: 15_000 },
      { merchant: 'babyStore', daysAgo: 300, time: '17:40', amountCents: 22_500 },
      { merchant: 'farmacia', daysAgo: 200, time: '09:50', amountCents: 7_800 },
      { merchant: 'babyStore', daysAgo: 100, time: '12:15', amountCents: 9_900 },
    ],
  },
];

function pick(p: { fiscalCode: string; givenName: string; familyName: string; mobilePhone: string }) {
  return { fiscalCode: p.fiscalCode, givenName: p.givenName, familyName: p.familyName, mobilePhone: p.mobilePhone };
}

/** "YYYY-MM-DD" plus whole months (the day clamped to the month's end), then days. */
export function shiftDate(date: string, months: number, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last) + days));
  return shifted.toISOString().slice(0, 10);
}

/** Valid from the activation date for `validityMonths`, the last day included. */
export const expiryOf = (activation: string, validityMonths: number) => shiftDate(activation, validityMonths, -1);

/** The instant of a Rome wall time, computed by PostgreSQL (summer time included). */
const romeInstant = (day: string, time: string, plusMinutes = 0) =>
  sql<Date>`((${day}::date + ${time}::time) AT TIME ZONE 'Europe/Rome') + make_interval(mins => ${plusMinutes}::int)`;

export interface DemoVoucherMerchant {
  structureId: string;
  name: string;
  /** The operator who "made" the demo movements at the counter. */
  operatorUserId: string;
}
export type DemoVoucherMerchants = Record<Merchant, DemoVoucherMerchant>;

/**
 * Seeds the program, its vouchers and their movements, in the caller's transaction, once (false if
 * the program is already there). With a document store, each demo purchase gets a small PDF receipt.
 */
export async function seedVouchersDemo(
  db: AnyDb,
  clock: Clock,
  merchants: DemoVoucherMerchants,
  options: { documentStore?: DocumentStore; /** The region that runs the program ("Gestione programmi voucher"). */ regionStructureId?: string } = {},
): Promise<boolean> {
  const k = db as Kysely<VoucherTables>;
  const existing = await k.selectFrom('voucher_programs').select('id').where('name', '=', DEMO_PROGRAM.name).executeTakeFirst();
  if (existing) return false;
  const today = romeDate(clock.now());
  const documents = options.documentStore ? createDocuments({ db, store: options.documentStore, clock }) : null;

  const program = await k
    .insertInto('voucher_programs')
    .values({
      name: DEMO_PROGRAM.name,
      face_value_cents: DEMO_PROGRAM.faceValueCents,
      validity_months: DEMO_PROGRAM.validityMonths,
      region_structure_id: options.regionStructureId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('voucher_program_merchants')
    .values(Object.values(merchants).map((m) => ({ program_id: program.id, merchant_structure_id: m.structureId })))
    .execute();

  let serial = 0;
  for (const b of DEMO_BENEFICIARIES) {
    const activation = shiftDate(today, b.activation.months, b.activation.days ?? 0);
    const spent = b.movements.reduce((sum, m) => sum + (m.cancelledAt ? 0 : m.amountCents), 0);
    const voucher = await k
      .insertInto('vouchers')
      .values({
        code: b.code,
        program_id: program.id,
        beneficiary_fiscal_code: b.fiscalCode,
        health_card_number: b.healthCardNumber,
        given_name: b.givenName,
        family_name: b.familyName,
        mobile_phone: b.mobilePhone,
        initial_cents: DEMO_PROGRAM.faceValueCents,
        // The ledger decides the balance: initial − purchases + confirmed cancellations.
        available_cents: DEMO_PROGRAM.faceValueCents - spent,
        activation_date: activation,
        expiry_date: expiryOf(activation, DEMO_PROGRAM.validityMonths),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    for (const m of b.movements) {
      const merchant = merchants[m.merchant];
      const day = shiftDate(today, 0, -m.daysAgo);
      serial += 1;
      const receipt = documents
        ? await documents.uploadStream({
            content: Readable.from([receiptPdf([`SCONTRINO - ${merchant.name}`, `Data: ${day.split('-').reverse().join('/')} ${m.time}`, `Importo: ${formatEuro(m.amountCents)}`, `Pagato con il voucher ${b.code}`, 'Documento dimostrativo'])]),
            fileName: `scontrino-${b.code}-${serial}.pdf`,
            policy: PURCHASE_RECEIPT_POLICY,
            owner: { structureId: merchant.structureId },
            uploadedBy: merchant.operatorUserId,
          })
        : null;
      const purchase = await k
        .insertInto('voucher_movements')
        .values({
          voucher_id: voucher.id,
          merchant_structure_id: merchant.structureId,
          kind: 'acquisto',
          status: 'confermato',
          amount_cents: m.amountCents,
          purchase_id: null,
          receipt_document_id: receipt?.id ?? null,
          idempotency_key: `demo-purchase-${serial}`,
          created_by: merchant.operatorUserId,
          created_at: romeInstant(day, m.time),
          confirmed_at: romeInstant(day, m.time, 2),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (m.cancelledAt) {
        await k
          .insertInto('voucher_movements')
          .values({
            voucher_id: voucher.id,
            merchant_structure_id: merchant.structureId,
            kind: 'cancellazione',
            status: 'confermato',
            amount_cents: m.amountCents,
            purchase_id: purchase.id,
            receipt_document_id: null,
            idempotency_key: `demo-cancellation-${serial}`,
            created_by: merchant.operatorUserId,
            created_at: romeInstant(day, m.cancelledAt),
            confirmed_at: romeInstant(day, m.cancelledAt, 1),
          })
          .execute();
      }
    }
  }
  return true;
}

/** A one-page PDF with a few lines of Helvetica: enough for a demo "scontrino". */
export function receiptPdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/€/g, 'EUR').replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\xff]/g, '?');
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 12 : 10} Tf 20 ${170 - i * 22} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
