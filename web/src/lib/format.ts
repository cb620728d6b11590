/**
 * Display formats used everywhere in the web app (SPEC §1.6): amounts "3.282,45 €" from integer
 * cents, dates dd/mm/yyyy and times in Europe/Rome whatever the browser's time zone.
 */

const ROME = 'Europe/Rome';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * 328245 → "3.282,45 €". Built by hand rather than with Intl so the output is the same in every
 * browser (Italian CLDR data differs on grouping 4-digit amounts) and exact for any safe integer.
 */
export function formatEuro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatEuro expects integer cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(euros))},${rest} €`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateParts = new Intl.DateTimeFormat('it-IT', {
  timeZone: ROME,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function romeParts(value: string | Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  const parts = Object.fromEntries(dateParts.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** "2024-09-06" or an ISO instant → "06/09/2024" (the day in Rome). A date without time is shown as is. */
export function formatDate(iso: string | Date): string {
  if (typeof iso === 'string') {
    const m = DATE_ONLY.exec(iso);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const p = romeParts(iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/** An ISO instant → "06/09/2024 14:30", Rome time. */
export function formatDateTime(iso: string | Date): string {
  const p = romeParts(iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
