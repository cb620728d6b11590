import { describe, expect, it } from 'vitest';
import { formatEuro } from './money.js';

describe('formatEuro', () => {
  it('formats cents the Italian way', () => {
    expect(formatEuro(328245)).toBe('3.282,45 €');
    expect(formatEuro(5)).toBe('0,05 €');
    expect(formatEuro(100000000)).toBe('1.000.000,00 €');
    expect(formatEuro(-2500)).toBe('-25,00 €');
  });

  it('refuses what is not an integer amount of cents', () => {
    expect(() => formatEuro(1.5)).toThrow(RangeError);
  });
});
