/** Pure helpers of "Andamento delle richieste": durations in words and the bar chart's scale. */

/** A median in hours, said the way a supervisor reads it: hours under two days, then days. */
export function durationParts(hours: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  if (hours < 1) return { unit: 'minutes', value: Math.max(1, Math.round(hours * 60)) };
  if (hours < 48) return { unit: 'hours', value: Math.round(hours * 10) / 10 };
  return { unit: 'days', value: Math.round((hours / 24) * 10) / 10 };
}

/** A number with the Italian decimal comma: 2.5 → "2,5". */
export const formatDecimal = (value: number) => value.toLocaleString('it-IT', { maximumFractionDigits: 1 });

/**
 * The top of the chart's scale and its gridlines: a round number at or above the highest bar
 * (1, 2, 5 × 10ⁿ steps), so the axis reads easily; at least 1 so an empty chart still draws.
 */
export function chartScale(values: readonly number[], lines = 4): { max: number; ticks: number[] } {
  const highest = Math.max(1, ...values);
  const rough = highest / lines;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const max = Math.ceil(highest / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += wholeStep) ticks.push(tick);
  return { max, ticks };
}

/** "2026-11-16" → "16/11": a week by its Monday, short enough for the axis. */
export function weekLabel(weekStart: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(weekStart);
  return m ? `${m[3]}/${m[2]}` : weekStart;
}
