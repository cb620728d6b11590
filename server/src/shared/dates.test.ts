import { describe, expect, it } from 'vitest';
import { romeDate } from './dates.js';

describe('romeDate', () => {
  it('gives the Rome calendar day, across midnight and daylight saving time', () => {
    expect(romeDate(new Date('2027-04-15T21:59:59Z'))).toBe('2027-04-15'); // 23:59:59 CEST
    expect(romeDate(new Date('2027-04-15T22:00:00Z'))).toBe('2027-04-16'); // 00:00 CEST
    expect(romeDate(new Date('2027-01-15T22:59:59Z'))).toBe('2027-01-15'); // 23:59:59 CET
    expect(romeDate(new Date('2027-01-15T23:00:00Z'))).toBe('2027-01-16');
  });
});
