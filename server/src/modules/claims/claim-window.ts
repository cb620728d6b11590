import { romeDate } from '../../shared/dates.js';

/**
 * The reference periods of the claims: quadrimestri Jan–Apr (1), May–Aug (2), Sep–Dec (3). "Come
 * stabilito da Decreto Regionale, sarà possibile inserire un'unica istanza di rimborso per
 * quadrimestre durante l'ultimo mese del quadrimestre corrente" (seed 000 §09). Every date is a
 * calendar day in Europe/Rome, read from the one clock.
 */
export interface ClaimPeriod {
  year: number;
  /** 1, 2 or 3. */
  index: number;
}

/** "Gennaio – Aprile": the legend of the periods. */
export const PERIOD_MONTHS = ['gennaio – aprile', 'maggio – agosto', 'settembre – dicembre'] as const;

export interface FilingWindow {
  period: ClaimPeriod;
  /** First and last day (inclusive) on which a claim of this period may be filed, "YYYY-MM-DD". */
  opens: string;
  closes: string;
}

/** The quadrimestre a Rome calendar day "YYYY-MM-DD" belongs to. */
export function periodOfDay(day: string): ClaimPeriod {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return { year, index: Math.floor((month - 1) / 4) + 1 };
}

export function periodOf(instant: Date): ClaimPeriod {
  return periodOfDay(romeDate(instant));
}

/** The last month of a quadrimestre: from its first to its last day. */
export function windowOf(period: ClaimPeriod): FilingWindow {
  const month = period.index * 4; // April, August, December
  const lastDay = new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { period, opens: `${period.year}-${mm}-01`, closes: `${period.year}-${mm}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * Where an instant stands: the window open now (a claim may be filed), or the next one. A window
 * is open from 00:00 of its first day to 24:00 of its last, Rome time.
 */
export function filingWindowAt(instant: Date): { open: boolean; window: FilingWindow } {
  const today = romeDate(instant);
  const window = windowOf(periodOfDay(today));
  return { open: today >= window.opens && today <= window.closes, window };
}

export function periodLabel(period: ClaimPeriod): string {
  return `${period.index}° quadrimestre ${period.year} (${PERIOD_MONTHS[period.index - 1]})`;
}

/** "dal 01/04/2026 al 30/04/2026" */
export function windowLabel(window: FilingWindow): string {
  const it = (day: string) => day.split('-').reverse().join('/');
  return `dal ${it(window.opens)} al ${it(window.closes)}`;
}
