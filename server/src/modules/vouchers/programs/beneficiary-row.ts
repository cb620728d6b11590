/**
 * One row of a beneficiaries file: which column holds what (from the header) and whether the row
 * can issue a voucher. Pure: the checks against the rest of the file and the program run in SQL
 * (stage-import.ts), where all rows are.
 */
import { checkFiscalCode, normalizeFiscalCode } from '../../../shared/fiscal-code.js';

export const BENEFICIARY_FIELDS = ['fiscalCode', 'healthCard', 'givenName', 'familyName', 'mobilePhone', 'activationDate'] as const;
export type BeneficiaryField = (typeof BENEFICIARY_FIELDS)[number];

/** The column names as a region operator writes them (the first is the one the page shows). */
export const COLUMN_NAMES: Record<BeneficiaryField, readonly string[]> = {
  fiscalCode: ['codice fiscale', 'codicefiscale', 'cf', 'codice fiscale beneficiario'],
  healthCard: ['numero tessera sanitaria', 'tessera sanitaria', 'n tessera sanitaria', 'numero tessera', 'numero ts', 'ts'],
  givenName: ['nome'],
  familyName: ['cognome'],
  mobilePhone: ['cellulare', 'numero di cellulare', 'numero cellulare', 'telefono cellulare', 'telefono', 'cellulare beneficiario'],
  activationDate: ['data di attivazione', 'data attivazione', 'attivazione'],
};

export const COLUMN_LABELS: Record<BeneficiaryField, string> = {
  fiscalCode: 'codice fiscale',
  healthCard: 'numero tessera sanitaria',
  givenName: 'nome',
  familyName: 'cognome',
  mobilePhone: 'cellulare',
  activationDate: 'data di attivazione',
};

export type ColumnMap = Record<BeneficiaryField, number>;

export type HeaderCheck = { ok: true; columns: ColumnMap } | { ok: false; message: string };

/** "Data di Attivazione", "DATA_ATTIVAZIONE", "data attivazione " → "data attivazione". */
function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Finds each field's column in the header row; any order, extra columns ignored. */
export function mapHeader(header: readonly string[]): HeaderCheck {
  const found = new Map<BeneficiaryField, number>();
  for (const [index, name] of header.entries()) {
    const normalised = normaliseHeader(name);
    const field = BENEFICIARY_FIELDS.find((f) => COLUMN_NAMES[f].includes(normalised));
    if (!field) continue;
    if (found.has(field)) return { ok: false, message: `La colonna «${COLUMN_LABELS[field]}» compare due volte nell'intestazione.` };
    found.set(field, index);
  }
  const missing = BENEFICIARY_FIELDS.filter((f) => !found.has(f));
  if (missing.length === BENEFICIARY_FIELDS.length) {
    return {
      ok: false,
      message: `La prima riga deve essere l'intestazione con le colonne: ${BENEFICIARY_FIELDS.map((f) => COLUMN_LABELS[f]).join(', ')}.`,
    };
  }
  if (missing.length > 0) {
    const names = missing.map((f) => `«${COLUMN_LABELS[f]}»`).join(', ');
    return { ok: false, message: missing.length === 1 ? `Manca la colonna ${names}.` : `Mancano le colonne ${names}.` };
  }
  return { ok: true, columns: Object.fromEntries(found) as ColumnMap };
}

export interface RowReason {
  code: string;
  message: string;
}

/** A row as it will be staged: values normalised where valid, as written otherwise. */
export interface CheckedRow {
  fiscalCode: string;
  fiscalCodeValid: boolean;
  healthCard: string;
  healthCardValid: boolean;
  givenName: string;
  familyName: string;
  /** E.164 ("+393331000013") when valid. */
  mobilePhone: string;
  activationText: string;
  /** "YYYY-MM-DD" when valid. */
  activationDate: string | null;
  reasons: RowReason[];
}

const MAX_NAME = 100;
/** Stored as written (for the report) up to this length. */
const MAX_STORED = 200;
const NAME = /^\p{L}[\p{L}\p{M}'’. -]*$/u;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "15/03/2026", "5/3/2026" or "2026-03-15" → "2026-03-15"; null if not a real calendar day. */
export function parseActivationDate(text: string): string | null {
  const dmy = DMY.exec(text);
  const ymd = YMD.exec(text);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * An Italian mobile number as people write it ("333 100 0013", "+39 333-1000013", "0039…") to
 * E.164; null if it is not one (Italian mobile numbers start with 3 and have 9 or 10 digits).
 */
export function normaliseMobilePhone(text: string): string | null {
  let digits = text.replace(/[\s./()-]/g, '');
  if (digits.startsWith('+39')) digits = digits.slice(3);
  else if (digits.startsWith('0039')) digits = digits.slice(4);
  else if (/^393\d{8,9}$/.test(digits)) digits = digits.slice(2);
  return /^3\d{8,9}$/.test(digits) ? `+39${digits}` : null;
}

const NAME_MESSAGES = {
  given_name: { missing: 'Nome mancante.', tooLong: `Il nome supera ${MAX_NAME} caratteri.`, invalid: 'Il nome contiene caratteri non ammessi.' },
  family_name: { missing: 'Cognome mancante.', tooLong: `Il cognome supera ${MAX_NAME} caratteri.`, invalid: 'Il cognome contiene caratteri non ammessi.' },
};

function checkName(value: string, field: 'given_name' | 'family_name', reasons: RowReason[]): string {
  const name = value.replace(/\s+/g, ' ').trim();
  const messages = NAME_MESSAGES[field];
  if (name === '') reasons.push({ code: `${field}_missing`, message: messages.missing });
  else if (name.length > MAX_NAME) reasons.push({ code: `${field}_too_long`, message: messages.tooLong });
  else if (!NAME.test(name)) reasons.push({ code: `${field}_invalid`, message: messages.invalid });
  return name.slice(0, MAX_STORED);
}

/** Every check of one row on its own; `record` is the row's cells in file order. */
export function checkRow(record: readonly string[], columns: ColumnMap): CheckedRow {
  const cell = (field: BeneficiaryField) => (record[columns[field]] ?? '').trim();
  const reasons: RowReason[] = [];
  if (record.some((value) => value.includes('\uFFFD'))) {
    reasons.push({ code: 'encoding', message: 'La riga contiene caratteri non validi: salva il file con codifica UTF-8.' });
  }

  const fiscalText = cell('fiscalCode');
  let fiscalCode = normalizeFiscalCode(fiscalText);
  let fiscalCodeValid = false;
  if (fiscalCode === '') {
    reasons.push({ code: 'fiscal_code_missing', message: 'Codice fiscale mancante.' });
  } else {
    const check = checkFiscalCode(fiscalCode);
    if (check.valid) fiscalCodeValid = true;
    else {
      reasons.push({ code: `fiscal_code_${check.reason}`, message: check.message });
      fiscalCode = fiscalText;
    }
  }

  const healthText = cell('healthCard');
  const healthDigits = healthText.replace(/\s+/g, '');
  const healthCardValid = /^\d{20}$/.test(healthDigits);
  if (healthText === '') reasons.push({ code: 'health_card_missing', message: 'Numero della tessera sanitaria mancante.' });
  else if (!healthCardValid) reasons.push({ code: 'health_card_invalid', message: 'Il numero della tessera sanitaria deve avere 20 cifre.' });

  const givenName = checkName(cell('givenName'), 'given_name', reasons);
  const familyName = checkName(cell('familyName'), 'family_name', reasons);

  const phoneText = cell('mobilePhone');
  const phone = phoneText === '' ? null : normaliseMobilePhone(phoneText);
  if (phoneText === '') reasons.push({ code: 'mobile_phone_missing', message: 'Cellulare mancante.' });
  else if (!phone) {
    reasons.push({ code: 'mobile_phone_invalid', message: 'Il cellulare non è un numero di cellulare italiano valido (es. 333 1234567 o +39 333 1234567).' });
  }

  const activationText = cell('activationDate');
  const activationDate = activationText === '' ? null : parseActivationDate(activationText);
  if (activationText === '') reasons.push({ code: 'activation_date_missing', message: 'Data di attivazione mancante.' });
  else if (!activationDate) {
    reasons.push({ code: 'activation_date_invalid', message: 'La data di attivazione non è valida: usa il formato gg/mm/aaaa (es. 15/03/2026).' });
  } else if (activationDate < '2000-01-01' || activationDate > '2099-12-31') {
    reasons.push({ code: 'activation_date_out_of_range', message: 'La data di attivazione deve cadere tra il 2000 e il 2099.' });
  }

  return {
    fiscalCode: fiscalCode.slice(0, MAX_STORED),
    fiscalCodeValid,
    healthCard: (healthCardValid ? healthDigits : healthText).slice(0, MAX_STORED),
    healthCardValid,
    givenName,
    familyName,
    mobilePhone: (phone ?? phoneText).slice(0, MAX_STORED),
    activationText: activationText.slice(0, MAX_STORED),
    activationDate: reasons.some((r) => r.code.startsWith('activation_date')) ? null : activationDate,
    reasons,
  };
}
