import { describe, expect, it } from 'vitest';
import { countdownMilestone, secondsLeft } from './countdown';

describe('secondsLeft', () => {
  it('rounds up, so the last second reads 1 and the end reads 0', () => {
    expect(secondsLeft(180_000, 0)).toBe(180);
    expect(secondsLeft(180_000, 1)).toBe(180);
    expect(secondsLeft(180_000, 7_000)).toBe(173);
    expect(secondsLeft(180_000, 179_001)).toBe(1);
    expect(secondsLeft(180_000, 180_000)).toBe(0);
  });

  it('never goes below zero', () => {
    expect(secondsLeft(1_000, 60_000)).toBe(0);
  });
});

describe('countdownMilestone', () => {
  it.each([
    [180, null],
    [61, null],
    [60, 60],
    [31, 60],
    [30, 30],
    [11, 30],
    [10, 10],
    [1, 10],
    [0, 0],
    [-3, 0],
  ])('%i s → %s', (seconds, milestone) => {
    expect(countdownMilestone(seconds)).toBe(milestone);
  });

  it('changes exactly four times over a 180-second countdown', () => {
    const changes: number[] = [];
    let previous = countdownMilestone(180);
    for (let s = 179; s >= 0; s--) {
      const current = countdownMilestone(s);
      if (current !== previous) changes.push(s);
      previous = current;
    }
    expect(changes).toEqual([60, 30, 10, 0]);
  });
});
