import { describe, expect, it } from 'vitest';
import { romeLocalToIso, romeOffsetMinutes, toRomeDateAndTime, toRomeIsoString } from './rome-time';

describe('romeLocalToIso (Italian wall time → instant)', () => {
  it('reads a summer date with +02:00 and a winter date with +01:00', () => {
    expect(romeLocalToIso('2027-04-15', '10:00')).toBe('2027-04-15T10:00:00+02:00');
    expect(new Date(romeLocalToIso('2027-04-15', '10:00')!).toISOString()).toBe('2027-04-15T08:00:00.000Z');
    expect(romeLocalToIso('2027-01-15', '10:00')).toBe('2027-01-15T10:00:00+01:00');
    expect(new Date(romeLocalToIso('2027-01-15', '10:00')!).toISOString()).toBe('2027-01-15T09:00:00.000Z');
  });

  it('handles the days the time changes', () => {
    // 28 March 2027: 02:00 CET → 03:00 CEST
    expect(romeLocalToIso('2027-03-28', '01:59')).toBe('2027-03-28T01:59:00+01:00');
    expect(romeLocalToIso('2027-03-28', '03:00')).toBe('2027-03-28T03:00:00+02:00');
    // the skipped hour moves forward by the gap
    expect(romeLocalToIso('2027-03-28', '02:30')).toBe('2027-03-28T03:30:00+02:00');
    // 31 October 2027: 03:00 CEST → 02:00 CET; 02:30 happens twice, the first one is taken
    expect(romeLocalToIso('2027-10-31', '02:30')).toBe('2027-10-31T02:30:00+02:00');
    expect(romeLocalToIso('2027-10-31', '03:30')).toBe('2027-10-31T03:30:00+01:00');
    expect(romeLocalToIso('2027-10-31', '00:00')).toBe('2027-10-31T00:00:00+02:00');
    expect(romeLocalToIso('2027-10-31', '23:59')).toBe('2027-10-31T23:59:00+01:00');
  });

  it('keeps midnight and the end of the year on the right day', () => {
    expect(new Date(romeLocalToIso('2027-01-01', '00:00')!).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(romeLocalToIso('2028-02-29', '12:00')).toBe('2028-02-29T12:00:00+01:00');
  });

  it('refuses what is not on the calendar', () => {
    expect(romeLocalToIso('2027-02-29', '10:00')).toBeNull();
    expect(romeLocalToIso('2027-13-01', '10:00')).toBeNull();
    expect(romeLocalToIso('2027-04-15', '24:00')).toBeNull();
    expect(romeLocalToIso('', '10:00')).toBeNull();
    expect(romeLocalToIso('2027-04-15', '')).toBeNull();
  });
});

describe('instants → Rome', () => {
  it('gives the offset in force', () => {
    expect(romeOffsetMinutes(Date.parse('2027-04-15T08:00:00Z'))).toBe(120);
    expect(romeOffsetMinutes(Date.parse('2027-01-15T08:00:00Z'))).toBe(60);
  });

  it('writes the wall time with its offset, and the values of date and time inputs', () => {
    expect(toRomeIsoString('2027-04-15T08:00:00.000Z')).toBe('2027-04-15T10:00:00+02:00');
    expect(toRomeDateAndTime('2026-12-31T23:30:00Z')).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});
