import { toRomeDateAndTime } from '../../../lib/rome-time';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in Rome on the platform's clock (the session's, which may be the demo's simulated date). */
export function romeToday(now: string): string {
  return toRomeDateAndTime(now).date;
}

/** "2026-04-30" + 1 → "2026-05-01": calendar arithmetic on a day, no time zone involved. */
export function addDays(day: string, days: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar day "YYYY-MM-DD" (not 2026-02-30). */
export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The longest time the region may give a merchant to integrate (the server's rule). */
export const MAX_INTEGRATION_DAYS = 90;
/** How far ahead a transfer may be asked (the server's rule). */
export const MAX_EXECUTION_DAYS = 365;

/** Why a deadline for the integration is not acceptable, or null: a day after today, within 90 days. */
export function deadlineProblem(deadline: string, today: string): 'required' | 'invalid' | 'notAfterToday' | 'tooFar' | null {
  if (deadline.trim() === '') return 'required';
  if (!isDay(deadline)) return 'invalid';
  if (deadline <= today) return 'notAfterToday';
  return deadline > addDays(today, MAX_INTEGRATION_DAYS) ? 'tooFar' : null;
}

/** Why an execution date of a payment batch is not acceptable, or null: today or later, within a year. */
export function executionDateProblem(date: string, today: string): 'required' | 'invalid' | 'past' | 'tooFar' | null {
  if (date.trim() === '') return 'required';
  if (!isDay(date)) return 'invalid';
  if (date < today) return 'past';
  return date > addDays(today, MAX_EXECUTION_DAYS) ? 'tooFar' : null;
}
