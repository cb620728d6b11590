import { describe, expect, it } from 'vitest';
import { exportUrl } from './api';
import { RECEIPT_MAX_BYTES, receiptProblem } from './receipt-field';

const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

describe('the receipt, checked in the browser before the upload', () => {
  it('admits JPEG, PNG and PDF up to 5 MB, by type or by extension', () => {
    expect(receiptProblem(file('scontrino.pdf', 'application/pdf', 1000))).toBeNull();
    expect(receiptProblem(file('scontrino.JPG', '', 1000))).toBeNull();
    expect(receiptProblem(file('scontrino.png', 'image/png', RECEIPT_MAX_BYTES))).toBeNull();
  });

  it('refuses other types and larger files, saying which', () => {
    expect(receiptProblem(file('scontrino.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1000))).toBe('receiptType');
    expect(receiptProblem(file('scontrino.pdf', 'application/pdf', RECEIPT_MAX_BYTES + 1))).toBe('receiptTooLarge');
  });
});

describe('Esporta movimenti', () => {
  it('links to the export with the listing’s filters, leaving out the empty ones', () => {
    expect(exportUrl({ from: '2027-04-01', to: '2027-04-30', fiscalCode: undefined }, 'csv')).toBe('/api/vouchers/movements/export?format=csv&from=2027-04-01&to=2027-04-30');
    expect(exportUrl({ fiscalCode: 'RSSLRA91A62F839K' }, 'xlsx')).toBe('/api/vouchers/movements/export?format=xlsx&fiscalCode=RSSLRA91A62F839K');
  });
});
