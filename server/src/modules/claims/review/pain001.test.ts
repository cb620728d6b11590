import { describe, expect, it } from 'vitest';
import { euros, PAIN001_NAMESPACE, type Pain001Input, pain001Xml } from './pain001.js';
import { validatePain001 } from './pain001-schema.testing.js';

const input: Pain001Input = {
  messageId: 'ISTANZE-20261203-0A1B2C3D4E5F',
  createdAt: new Date('2026-12-03T09:15:42.123Z'),
  initiatingPartyName: 'Regione Campania',
  debtor: { name: 'Regione Campania – Tesoreria', iban: 'IT60X0542811101000000123456' },
  executionDate: '2026-12-10',
  transfers: [
    { endToEndId: 'ISTANZA-12', amountCents: 12_345, creditorName: 'Farmacia Centrale', creditorIban: 'IT02L1234512345123456789012', remittance: 'Rimborso voucher istanza n. 12 - 1 quadrimestre 2026' },
    { endToEndId: 'ISTANZA-13', amountCents: 5, creditorName: 'Baby Store Caserta & Figli "Più"', creditorIban: 'IT40S0542811101000000123456', remittance: 'Rimborso voucher istanza n. 13 - 2° quadrimestre 2026 <prova>' },
    { endToEndId: 'ISTANZA-14', amountCents: 100_000_00, creditorName: 'Società Ñandù', creditorIban: 'IT60X0542811101000000654321', remittance: 'x'.repeat(300) },
  ],
};

const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('euros', () => {
  it('writes cents as euros with two decimals', () => {
    expect(euros(12_345)).toBe('123.45');
    expect(euros(5)).toBe('0.05');
    expect(euros(100)).toBe('1.00');
    expect(euros(10_000_000_00)).toBe('10000000.00');
    expect(() => euros(1.5)).toThrow();
  });
});

describe('pain001Xml', () => {
  const xml = pain001Xml(input);

  it('validates against the pain.001.001.03 schema', async () => {
    const result = await validatePain001(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain(`<Document xmlns="${PAIN001_NAMESPACE}"`);
  });

  it('counts the transfers and sums them, in the group header and in the payment block', () => {
    expect(tag(xml, 'NbOfTxs')).toEqual(['3', '3']);
    expect(tag(xml, 'CtrlSum')).toEqual(['100123.50', '100123.50']);
    expect(tag(xml, 'InstdAmt')).toEqual(['123.45', '0.05', '100000.00']);
    expect(xml).toContain('<InstdAmt Ccy="EUR">123.45</InstdAmt>');
  });

  it('holds the header, the debtor without BIC and one transfer per claim', () => {
    expect(tag(xml, 'MsgId')).toEqual([input.messageId]);
    expect(tag(xml, 'PmtInfId')).toEqual([input.messageId]);
    expect(tag(xml, 'CreDtTm')).toEqual(['2026-12-03T09:15:42Z']);
    expect(tag(xml, 'PmtMtd')).toEqual(['TRF']);
    expect(tag(xml, 'ReqdExctnDt')).toEqual(['2026-12-10']);
    expect(tag(xml, 'ChrgBr')).toEqual(['SLEV']);
    expect(xml).toMatch(/<SvcLvl>\s*<Cd>SEPA<\/Cd>\s*<\/SvcLvl>/);
    expect(xml).toMatch(/<DbtrAgt>\s*<FinInstnId>\s*<Othr>\s*<Id>NOTPROVIDED<\/Id>/);
    expect(xml).not.toContain('<BIC>');
    expect(tag(xml, 'EndToEndId')).toEqual(['ISTANZA-12', 'ISTANZA-13', 'ISTANZA-14']);
    expect(tag(xml, 'IBAN')).toEqual([input.debtor.iban, ...input.transfers.map((t) => t.creditorIban)]);
  });

  it('writes names and remittance in the SEPA character set, escaped, within their lengths', () => {
    expect(tag(xml, 'Nm')).toEqual(['Regione Campania', 'Regione Campania Tesoreria', 'Farmacia Centrale', 'Baby Store Caserta + Figli Piu', 'Societa Nandu']);
    const remittances = tag(xml, 'Ustrd');
    expect(remittances[0]).toBe('Rimborso voucher istanza n. 12 - 1 quadrimestre 2026');
    expect(remittances[1]).toBe('Rimborso voucher istanza n. 13 - 2 quadrimestre 2026 prova');
    expect(remittances[2]).toHaveLength(140);
    // Only SEPA characters (and the escaped apostrophe) inside the elements.
    for (const text of [...tag(xml, 'Nm'), ...remittances]) expect(text).toMatch(/^([a-zA-Z0-9/\-?:().,+ ]|&apos;)+$/);
  });

  it('escapes the apostrophe the SEPA set allows', async () => {
    const withQuote = pain001Xml({ ...input, transfers: [{ ...input.transfers[0]!, creditorName: "L'Erboristeria" }] });
    expect(tag(withQuote, 'Nm')).toContain('L&apos;Erboristeria');
    expect((await validatePain001(withQuote)).valid).toBe(true);
  });

  it('refuses what would make a broken file', () => {
    expect(() => pain001Xml({ ...input, transfers: [] })).toThrow();
    expect(() => pain001Xml({ ...input, messageId: 'M'.repeat(36) })).toThrow();
    expect(() => pain001Xml({ ...input, messageId: 'Città' })).toThrow();
    expect(() => pain001Xml({ ...input, transfers: [{ ...input.transfers[0]!, amountCents: 0 }] })).toThrow();
  });
});

describe('the schema check itself', () => {
  const xml = pain001Xml(input);

  it('rejects a 36-character MsgId', async () => {
    const broken = xml.replace(`<MsgId>${input.messageId}</MsgId>`, `<MsgId>${'M'.repeat(36)}</MsgId>`);
    const result = await validatePain001(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/MsgId/);
  });

  it('rejects a file without its requested execution date, or with an amount in another currency', async () => {
    expect((await validatePain001(xml.replace(/<ReqdExctnDt>[^<]*<\/ReqdExctnDt>/, ''))).valid).toBe(false);
    expect((await validatePain001(xml.replace('Ccy="EUR">123.45', 'Ccy="USD">123.45'))).valid).toBe(false);
    expect((await validatePain001(xml.replace('<InstdAmt Ccy="EUR">123.45', '<InstdAmt Ccy="EUR">123.456'))).valid).toBe(false);
  });
});
