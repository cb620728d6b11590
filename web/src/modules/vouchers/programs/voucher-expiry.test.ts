import { describe, expect, it } from 'vitest';
import { voucherExpiryDate } from './voucher-expiry';

describe('the expiry shown as an example', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-03-15', 1, '2026-04-14'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-28', 1, '2026-02-27'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2025-12-31', 2, '2026-02-28'],
  ])('%s + %i months → %s (the server’s rule)', (activation, months, expiry) => {
    expect(voucherExpiryDate(activation, months)).toBe(expiry);
  });
});
