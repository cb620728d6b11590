/**
 * The state of a voucher on a day (Rome, "YYYY-MM-DD"): what decides whether it takes a purchase.
 * attivo: active and with money left; esaurito: active, nothing left; non_attivo: not yet active;
 * scaduto: past its expiry date.
 */
export type VoucherState = 'attivo' | 'non_attivo' | 'scaduto' | 'esaurito';

export function voucherState(
  v: { activation_date: string; expiry_date: string; available_cents: number | string },
  today: string,
): VoucherState {
  if (v.activation_date > today) return 'non_attivo';
  if (v.expiry_date < today) return 'scaduto';
  return Number(v.available_cents) > 0 ? 'attivo' : 'esaurito';
}
