/**
 * A text area's character counter: shown at every keystroke, announced to screen readers only
 * when a threshold of characters left is crossed (at every key it would drown the typing).
 */
export const COUNTER_THRESHOLDS = [200, 50] as const;

/** far: nothing to say; a number: at most that many characters left; then the limit, then over it. */
export type CounterStage = 'far' | (typeof COUNTER_THRESHOLDS)[number] | 'limit' | 'over';

/** The stage changes only when a threshold is crossed: what is announced follows it. */
export function counterStage(length: number, max: number): CounterStage {
  const left = max - length;
  if (left < 0) return 'over';
  if (left === 0) return 'limit';
  let reached: CounterStage = 'far';
  for (const threshold of COUNTER_THRESHOLDS) if (left <= threshold) reached = threshold;
  return reached;
}
