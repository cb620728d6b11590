/**
 * A countdown read from a monotonic clock (performance.now()): how long something handed out by the
 * server lives is the server's `expiresInSeconds`, started when its answer arrived, so neither the
 * browser's date nor a difference between the two clocks can move the deadline.
 */

/** Whole seconds left until `deadlineMs`, rounded up (the last second shows "1"), never negative. */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}

/** When a screen reader is told the seconds left: often enough to plan, rarely enough not to flood. */
export const COUNTDOWN_MILESTONES = [60, 30, 10] as const;

/**
 * The milestone a countdown has reached: null above the first, the smallest milestone not below the
 * seconds left while time remains, 0 once it is over. It changes only when a milestone is crossed,
 * which is when the seconds left are announced.
 */
export function countdownMilestone(seconds: number): number | null {
  if (seconds <= 0) return 0;
  let reached: number | null = null;
  for (const milestone of COUNTDOWN_MILESTONES) if (seconds <= milestone) reached = milestone;
  return reached;
}
