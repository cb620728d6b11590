import { describe, expect, it } from 'vitest';
import { voucherExpiryDate } from './program.js';

describe('a voucher’s expiry: activation + validity months − 1 day', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-01-01', 1, '2026-01-31'],
    ['2026-01-01', 12, '2026-12-31'],
    ['2025-12-31', 1, '2026-01-30'],
    ['2026-03-01', 1, '2026-03-31'],
    // The same day does not exist in the last month: that month's last day.
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2026-01-28', 1, '2026-02-27'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-03-15', 120, '2036-03-14'],
  ])('%s + %i months → %s', (activation, months, expiry) => {
    expect(voucherExpiryDate(activation, months)).toBe(expiry);
  });

  it('refuses what is not a date and a positive number of months', () => {
    expect(() => voucherExpiryDate('15/03/2026', 12)).toThrow(RangeError);
    expect(() => voucherExpiryDate('2026-03-15', 0)).toThrow(RangeError);
  });
});
