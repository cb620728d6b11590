-- "Usa per acquisto" requires the receipt (seed 000 §06: "Al fine di poter salvare l'acquisto
-- l'utente dovrà allegare lo scontrino"). One receipt belongs to one purchase.
CREATE UNIQUE INDEX voucher_movements_receipt ON voucher_movements (receipt_document_id) WHERE receipt_document_id IS NOT NULL;
