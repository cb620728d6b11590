/**
 * The expiry of a voucher activated on `activation` ("YYYY-MM-DD") valid `months` months: the day
 * before the same day `months` later; when that day does not exist, that month's last day. The
 * server issues vouchers with the same rule (SQL voucher_expiry_date); here it gives the example
 * the pages show.
 */
export function voucherExpiryDate(activation: string, months: number): string {
  const [year, month, day] = activation.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const last = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const target = day > last ? new Date(Date.UTC(targetYear, targetMonth - 1, last)) : new Date(Date.UTC(targetYear, targetMonth - 1, day - 1));
  return target.toISOString().slice(0, 10);
}

/** The example of the pages: activation 15/03/2026. */
export const EXAMPLE_ACTIVATION = '2026-03-15';
