-- "Elenco Movimenti" and "Esporta movimenti" read a merchant's movements newest first, ordered by
-- (created_at, id) and, for the export, in keyset batches "(created_at, id) < (last seen)": this
-- index serves both without sorting (the row comparison becomes an index condition). It replaces
-- the index on (merchant_structure_id, created_at), whose every use it covers.
CREATE INDEX voucher_movements_merchant_keyset ON voucher_movements (merchant_structure_id, created_at DESC, id DESC);
DROP INDEX voucher_movements_merchant;

-- Both show each movement's "ID Voucher" and beneficiary: with them in the index, a movement's
-- voucher is found without visiting the vouchers table (an index-only scan) — a 1,000,000-row
-- export reads 40% faster (bench/RESULTS.md).
CREATE INDEX vouchers_code_and_beneficiary ON vouchers (id) INCLUDE (code, beneficiary_fiscal_code);
