import { describe, expect, it } from 'vitest';
import { parseEuroToCents } from './euro-input';

describe('parseEuroToCents', () => {
  it.each([
    ['25,00', 2500],
    ['25', 2500],
    ['25,5', 2550],
    ['0,29', 29],
    ['0,01', 1],
    ['0', 0],
    ['1.234,56', 123456],
    ['1.234', 123400],
    ['1234,56', 123456],
    ['1.000.000,00', 100000000],
    ['25.50', 2550],
    ['25.5', 2550],
    [' 25,00 ', 2500],
    ['€ 25,00', 2500],
    ['25,00 €', 2500],
    ['25,00\u00a0€', 2500],
    ['007,10', 710],
    ['1 234,56', 123456],
  ])('%j → %i cents', (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents);
  });

  it.each(['', '   ', '€', 'abc', '25,', ',50', '25,001', '-5,00', '+5', '1,234,56', '12.34.56', '1.23,45', '25,5a', '2e3', '0x10', '25..00', 'Infinity'])(
    'refuses %j',
    (input) => {
      expect(parseEuroToCents(input)).toBeNull();
    },
  );

  it('is exact where floating point is not', () => {
    // 0.29 * 100 = 28.999999999999996 and 4.35 * 100 = 434.99999999999994 in floating point
    expect(parseEuroToCents('0,29')).toBe(29);
    expect(parseEuroToCents('4,35')).toBe(435);
    expect(parseEuroToCents('1.005,35')).toBe(100535);
  });

  it('refuses amounts beyond the safe integers', () => {
    expect(parseEuroToCents('99999999999999999,99')).toBeNull();
  });
});
