/**
 * Voucher programs run by a region: what a program holds and the rules of its vouchers' dates.
 * Pure: no database, no clock.
 */

export const PROGRAM_SERVICE = 'gestione-programmi-voucher';

export const PROGRAM_LIMITS = {
  nameMaxLength: 200,
  /** 1.000.000,00 € — far above any real voucher, low enough to stop a typo of a few zeros. */
  maxFaceValueCents: 100_000_000,
  maxValidityMonths: 120,
  maxMerchantsPerRequest: 500,
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The expiry of a voucher activated on `activation` ("YYYY-MM-DD") valid `months` months: the day
 * before the same day `months` later (15/03/2026 + 12 → 14/03/2027); when that day does not exist
 * (31/01 + 1) the last day of that month (28/02), so no voucher loses days to a short month.
 * The same rule is the SQL function voucher_expiry_date (migration 0002), which issues the vouchers.
 */
export function voucherExpiryDate(activation: string, months: number): string {
  const m = ISO_DATE.exec(activation);
  if (!m || !Number.isInteger(months) || months < 1) throw new RangeError(`Not a date and a number of months: ${activation}, ${months}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  if (day > last) return iso(targetYear, targetMonth, last);
  const target = new Date(Date.UTC(targetYear, targetMonth - 1, day - 1));
  return iso(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate());
}
