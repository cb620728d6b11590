/** Italian calendar days: the date in Europe/Rome of an instant, as "YYYY-MM-DD". */
export function romeDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
