/**
 * Wall-clock time in Europe/Rome ↔ instants, whatever the browser's time zone: a date and a time
 * typed in a form ("15/04/2027 10:00") become the instant they mean in Italy, summer time included.
 */

const ROME = 'Europe/Rome';
const MINUTE = 60_000;
const DAY = 86_400_000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ROME,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function romeWallTime(instant: number): WallTime {
  const parts: Record<string, number> = {};
  for (const p of wallClock.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Rome's offset from UTC at an instant, in minutes: 60 in winter, 120 in summer. */
export function romeOffsetMinutes(instant: number): number {
  const seconds = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((wallAsUtc(romeWallTime(seconds)) - seconds) / MINUTE);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as Rome's wall time with its offset: "2027-04-15T10:00:00+02:00". */
export function toRomeIsoString(instant: Date | string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${String(instant)}`);
  const w = romeWallTime(ms);
  const offset = romeOffsetMinutes(ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the values of `<input type="date">` and `<input type="time">`, in Rome. */
export function toRomeDateAndTime(instant: Date | string): { date: string; time: string } {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${String(instant)}`);
  const w = romeWallTime(ms);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2027-04-15" + "10:00" typed as Italian time → the instant, as an ISO string with Rome's offset
 * ("2027-04-15T10:00:00+02:00"); null if the date or the time does not exist on the calendar.
 * Around the changes of time it behaves like Temporal's "compatible" choice: an hour skipped in
 * March (02:30) moves forward by the gap (03:30 summer time); an hour lived twice in October
 * (02:30) is the first one (summer time).
 */
export function romeLocalToIso(date: string, time: string): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const wall: WallTime = {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: Number(t[3] ?? '0'),
  };
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return null;
  const asUtc = wallAsUtc(wall);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== wall.year || check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day) return null;

  // The offsets in force around that day (two on the days the time changes), larger first: with
  // two valid readings of the wall time, the larger offset gives the earlier instant.
  const offsets = [...new Set([romeOffsetMinutes(asUtc - DAY), romeOffsetMinutes(asUtc), romeOffsetMinutes(asUtc + DAY)])].sort((a, b) => b - a);
  const valid = offsets.map((o) => asUtc - o * MINUTE).filter((instant) => wallAsUtc(romeWallTime(instant)) === asUtc);
  // No valid reading: the wall time falls in the hour skipped in spring; read it with the offset
  // before the change, which lands the same distance after it.
  const instant = valid[0] ?? asUtc - romeOffsetMinutes(asUtc - DAY) * MINUTE;
  return toRomeIsoString(new Date(instant));
}
