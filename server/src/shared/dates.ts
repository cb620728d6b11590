/** Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it. */
const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Italian calendar days: the date in Europe/Rome of an instant, as "YYYY-MM-DD". */
export function romeDate(instant: Date): string {
  return ROME_DAY.format(instant);
}
