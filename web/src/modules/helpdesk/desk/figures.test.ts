import { describe, expect, it } from 'vitest';
import { chartScale, durationParts, formatDecimal, weekLabel } from './figures';

describe('durations of the figures', () => {
  it('says minutes under an hour, hours under two days, days after', () => {
    expect(durationParts(0.25)).toEqual({ unit: 'minutes', value: 15 });
    expect(durationParts(0)).toEqual({ unit: 'minutes', value: 1 });
    expect(durationParts(5.26)).toEqual({ unit: 'hours', value: 5.3 });
    expect(durationParts(47.9)).toEqual({ unit: 'hours', value: 47.9 });
    expect(durationParts(60)).toEqual({ unit: 'days', value: 2.5 });
  });

  it('writes decimals with a comma', () => {
    expect(formatDecimal(2.5)).toBe('2,5');
    expect(formatDecimal(3)).toBe('3');
  });
});

describe('the weekly chart', () => {
  it('rounds the scale up to an easy step and lists its gridlines', () => {
    expect(chartScale([3, 7, 2])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(chartScale([0, 0])).toEqual({ max: 1, ticks: [0, 1] });
    expect(chartScale([130])).toEqual({ max: 150, ticks: [0, 50, 100, 150] });
    expect(chartScale([])).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('names a week by its Monday', () => {
    expect(weekLabel('2026-11-16')).toBe('16/11');
  });
});
