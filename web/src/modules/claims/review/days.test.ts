import { describe, expect, it } from 'vitest';
import { addDays, deadlineProblem, executionDateProblem, isDay, romeToday } from './days';

describe('Rome days', () => {
  it('today is the day in Rome, not in UTC', () => {
    // 23:30 UTC on 30 April is already 1 May in Rome (summer time).
    expect(romeToday('2026-04-30T23:30:00Z')).toBe('2026-05-01');
    expect(romeToday('2026-12-31T22:59:00Z')).toBe('2026-12-31');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 90)).toBe('2026-06-27');
  });

  it('knows a real calendar day', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('01/05/2026')).toBe(false);
  });
});

describe('the deadline of an integration', () => {
  const today = '2026-05-10';
  it('must be after today and within 90 days', () => {
    expect(deadlineProblem('', today)).toBe('required');
    expect(deadlineProblem('2026-02-30', today)).toBe('invalid');
    expect(deadlineProblem('2026-05-09', today)).toBe('notAfterToday');
    expect(deadlineProblem('2026-05-10', today)).toBe('notAfterToday');
    expect(deadlineProblem('2026-05-11', today)).toBeNull();
    expect(deadlineProblem('2026-08-08', today)).toBeNull(); // today + 90
    expect(deadlineProblem('2026-08-09', today)).toBe('tooFar');
  });
});

describe('the execution date of a payment batch', () => {
  const today = '2026-05-10';
  it('may be today, not before, and at most a year ahead', () => {
    expect(executionDateProblem('', today)).toBe('required');
    expect(executionDateProblem('2026-05-09', today)).toBe('past');
    expect(executionDateProblem('2026-05-10', today)).toBeNull();
    expect(executionDateProblem('2027-05-10', today)).toBeNull(); // today + 365
    expect(executionDateProblem('2027-05-11', today)).toBe('tooFar');
    expect(executionDateProblem('10/05/2026', today)).toBe('invalid');
  });
});
