import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEuro } from './format';

describe('formatEuro', () => {
  it.each([
    [328245, '3.282,45 €'],
    [5, '0,05 €'],
    [0, '0,00 €'],
    [100, '1,00 €'],
    [123456789, '1.234.567,89 €'],
    [-2550, '-25,50 €'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });

  it('refuses amounts that are not integer cents', () => {
    expect(() => formatEuro(12.5)).toThrow(RangeError);
  });
});

describe('formatDate / formatDateTime (Europe/Rome)', () => {
  it('shows a calendar date as it is', () => {
    expect(formatDate('2024-09-06')).toBe('06/09/2024');
  });

  it('shows an instant as the day in Rome', () => {
    expect(formatDate('2024-12-31T23:30:00Z')).toBe('01/01/2025');
  });

  it('uses summer and winter time', () => {
    expect(formatDateTime('2024-07-01T12:05:00Z')).toBe('01/07/2024 14:05');
    expect(formatDateTime('2024-01-01T00:00:00Z')).toBe('01/01/2024 01:00');
  });
});
