/**
 * Vouchers, the citizen's side: "I miei voucher" (his vouchers, balance, movements at every merchant,
 * receipts) and its entry on the home page. The pages are loaded on demand (app.tsx).
 * Glossary: voucher = voucher (ID Voucher), esercente = merchant, movimento = movement,
 * acquisto = purchase, cancellazione = cancellation, scontrino = receipt.
 */
export { MyVouchersTile } from './my-vouchers-home-entry';
export { MY_VOUCHERS_PATH } from './paths';
