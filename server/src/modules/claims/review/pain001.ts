import { escapeXml, isSepaText, toSepaText } from './sepa-text.js';

/**
 * The SEPA credit transfer file (ISO 20022 pain.001.001.03, "CustomerCreditTransferInitiationV03")
 * the region hands to its treasury for the payment decree: one payment information block debiting
 * the region's account, one transfer per claim to the merchant's IBAN. Pure: same input, same file.
 */
export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export interface Pain001Transfer {
  /** "ISTANZA-12": the claim, as the merchant reads it on his bank statement (≤ 35, SEPA set). */
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  /** Unstructured remittance information, cut to 140 SEPA characters. */
  remittance: string;
}

export interface Pain001Input {
  /** Unique per file, ≤ 35 characters of the SEPA set. */
  messageId: string;
  createdAt: Date;
  initiatingPartyName: string;
  debtor: { name: string; iban: string };
  /** Requested execution date, "YYYY-MM-DD". */
  executionDate: string;
  transfers: readonly Pain001Transfer[];
}

/** Cents as the decimal euros of the file: 12345 → "123.45". */
export function euros(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Not an amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function identifier(value: string, what: string): string {
  if (value.length > 35 || !isSepaText(value)) throw new RangeError(`${what} must be 1-35 SEPA characters: ${JSON.stringify(value)}`);
  return value;
}

/** A name of at most 70 SEPA characters; a name with none of them gets `fallback`. */
const name = (value: string, fallback: string) => toSepaText(value, 70) || fallback;

/** The pain.001.001.03 document, UTF-8, without BIC (IBAN-only: DbtrAgt "NOTPROVIDED"). */
export function pain001Xml(input: Pain001Input): string {
  if (input.transfers.length === 0) throw new RangeError('A credit transfer file needs at least one transfer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.executionDate)) throw new RangeError(`Not a date: ${input.executionDate}`);
  for (const t of input.transfers) if (t.amountCents <= 0) throw new RangeError(`Not a positive amount: ${t.amountCents}`);
  const messageId = identifier(input.messageId, 'MsgId');
  const count = String(input.transfers.length);
  const controlSum = euros(input.transfers.reduce((sum, t) => sum + t.amountCents, 0));
  const x = escapeXml;

  const transfers = input.transfers.map(
    (t) => `      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>${x(identifier(t.endToEndId, 'EndToEndId'))}</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">${euros(t.amountCents)}</InstdAmt>
        </Amt>
        <Cdtr>
          <Nm>${x(name(t.creditorName, 'Beneficiario'))}</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>${x(t.creditorIban)}</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>${x(toSepaText(t.remittance, 140) || 'Rimborso')}</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>`,
  );

  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${PAIN001_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${x(messageId)}</MsgId>
      <CreDtTm>${input.createdAt.toISOString().slice(0, 19)}Z</CreDtTm>
      <NbOfTxs>${count}</NbOfTxs>
      <CtrlSum>${controlSum}</CtrlSum>
      <InitgPty>
        <Nm>${x(name(input.initiatingPartyName, 'Ordinante'))}</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>${x(messageId)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>true</BtchBookg>
      <NbOfTxs>${count}</NbOfTxs>
      <CtrlSum>${controlSum}</CtrlSum>
      <PmtTpInf>
        <SvcLvl>
          <Cd>SEPA</Cd>
        </SvcLvl>
      </PmtTpInf>
      <ReqdExctnDt>${input.executionDate}</ReqdExctnDt>
      <Dbtr>
        <Nm>${x(name(input.debtor.name, 'Ordinante'))}</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>${x(input.debtor.iban)}</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <Othr>
            <Id>NOTPROVIDED</Id>
          </Othr>
        </FinInstnId>
      </DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
${transfers.join('\n')}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}
