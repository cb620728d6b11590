/**
 * "Voucher secondogeniti" for merchants (seed 000 §04–08): Ricerca Beneficiario, Voucher Beneficiario
 * with Transazioni per esercente, Usa per acquisto, Autorizza pagamento, Cancella Movimento, Elenco
 * Movimenti. Pages are loaded on demand from app.tsx.
 */
export { en as vouchersMerchantEn, it as vouchersMerchantIt } from './messages';
export { SERVICE_PATH as VOUCHERS_MERCHANT_PATH, voucherPath } from './paths';
export const VOUCHERS_MERCHANT_SERVICE = 'voucher-secondogeniti';
