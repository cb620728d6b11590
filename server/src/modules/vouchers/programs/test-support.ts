/**
 * Test data for beneficiaries' imports: distinct, valid identifiers from a serial number, and the
 * CSV text of a file. Used by the tests of this folder and by the e2e journey.
 */
import { fiscalCodeCheckCharacter } from '../../../shared/fiscal-code.js';

/** A valid codice fiscale, different for every n (0 ≤ n < 26⁶): "AAAAAB80A01F839" + check letter. */
export function fiscalCodeFor(n: number): string {
  let letters = '';
  let rest = n;
  for (let i = 0; i < 6; i++) {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  }
  const first15 = `${letters}80A01F839`;
  return first15 + fiscalCodeCheckCharacter(first15);
}

/** A tessera sanitaria number (20 digits), different for every n. */
export function healthCardFor(n: number): string {
  return `80380${String(n).padStart(15, '0')}`;
}

export function mobileFor(n: number): string {
  return `+39333${String(n).padStart(7, '0')}`;
}

export const CSV_HEADER = ['codice fiscale', 'numero tessera sanitaria', 'nome', 'cognome', 'cellulare', 'data di attivazione'];

export interface CsvBeneficiary {
  fiscalCode: string;
  healthCard: string;
  givenName: string;
  familyName: string;
  mobile: string;
  activation: string;
}

export function beneficiaryFor(n: number, activation = '15/03/2026'): CsvBeneficiary {
  return { fiscalCode: fiscalCodeFor(n), healthCard: healthCardFor(n), givenName: 'Maria', familyName: `Rossi ${letterName(n)}`, mobile: mobileFor(n), activation };
}

/** Names hold letters only: the serial number as letters. */
function letterName(n: number): string {
  return fiscalCodeFor(n).slice(0, 6);
}

export function csvOf(rows: readonly (CsvBeneficiary | readonly string[])[], separator = ';', header: readonly string[] = CSV_HEADER): string {
  const line = (cells: readonly string[]) => cells.join(separator);
  const body = rows.map((r) => ('fiscalCode' in r ? line([r.fiscalCode, r.healthCard, r.givenName, r.familyName, r.mobile, r.activation]) : line(r)));
  return `${[line(header), ...body].join('\r\n')}\r\n`;
}
