import { formatEuro } from '../../../shared/money.js';
import type { MovementKind, MovementStatus } from '../vouchers.tables.js';

/** One movement as "Esporta movimenti" writes it: read in batches, never all at once. */
export interface ExportRow {
  /** The wall-clock time in Rome, "YYYY-MM-DDTHH:MM:SS" (computed by PostgreSQL). */
  romeTime: string;
  code: string;
  voucherCode: string;
  fiscalCode: string;
  kind: MovementKind;
  status: MovementStatus;
  amountCents: number;
}

/** The columns of both formats, in order: the labels of "Elenco Movimenti" plus voucher and beneficiary. */
export const EXPORT_HEADER = [
  'Data e ora',
  'Codice identificativo',
  'ID Voucher',
  'Codice fiscale beneficiario',
  'Importo',
  'Tipo operazione',
  'Stato',
] as const;

const KIND_LABELS: Record<MovementKind, string> = { acquisto: 'acquisto', cancellazione: 'cancellazione' };
const STATUS_LABELS: Record<MovementStatus, string> = { confermato: 'confermato', in_attesa: 'in attesa', rilasciato: 'rilasciato' };

export const kindLabel = (kind: MovementKind): string => KIND_LABELS[kind];
export const statusLabel = (status: MovementStatus): string => STATUS_LABELS[status];

/** "1.234,56": the amount in Italian format, without the euro sign (the column says what it is). */
export function italianAmount(cents: number): string {
  return formatEuro(cents).slice(0, -2);
}

/** "dd/mm/yyyy HH:mm" from the Rome wall-clock "YYYY-MM-DDTHH:MM:SS". */
export function italianDateTime(romeTime: string): string {
  return `${romeTime.slice(8, 10)}/${romeTime.slice(5, 7)}/${romeTime.slice(0, 4)} ${romeTime.slice(11, 16)}`;
}

/**
 * The Rome wall-clock time as a Date whose UTC fields are that wall clock: spreadsheets have no
 * time zones, and exceljs turns a Date into a serial day number from its UTC time.
 */
export function spreadsheetDate(romeTime: string): Date {
  return new Date(`${romeTime}Z`);
}

/**
 * A spreadsheet would run a text cell beginning with = + - @ (or a tab / carriage return) as a
 * formula (CSV injection): such a value is written after an apostrophe. Codes and codici fiscali
 * never begin so; a voucher code from an imported file might.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
