import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.js';
import { checkIntegrationRequest, checkRejectionReason, integrationNote, isCalendarDay, italianDay } from './review-rules.js';
import { shiftDay } from './rome-days.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, fields: error.fields };
    throw error;
  }
  throw new Error('not refused');
};

describe('checkRejectionReason', () => {
  it('trims and keeps a reason of up to 2000 characters', () => {
    expect(checkRejectionReason('  Scontrini illeggibili  ')).toBe('Scontrini illeggibili');
    expect(checkRejectionReason('x'.repeat(2000))).toHaveLength(2000);
  });
  it('refuses a missing, blank or too long reason (422 on the field)', () => {
    for (const reason of [undefined, '', '   \n ']) expect(refusal(() => checkRejectionReason(reason))).toMatchObject({ status: 422, fields: { reason: expect.any(String) } });
    expect(refusal(() => checkRejectionReason('x'.repeat(2001)))).toMatchObject({ status: 422, fields: { reason: expect.stringContaining('2001') } });
  });
});

describe('checkIntegrationRequest', () => {
  const today = '2026-12-03';
  it('accepts a deadline from tomorrow to 90 days ahead', () => {
    expect(checkIntegrationRequest({ text: ' Inviare gli scontrini ', deadline: '2026-12-04' }, today)).toEqual({ text: 'Inviare gli scontrini', deadline: '2026-12-04' });
    expect(checkIntegrationRequest({ text: 'x', deadline: '2027-03-03' }, today).deadline).toBe('2027-03-03');
  });
  it('refuses today, the past, beyond 90 days, impossible dates and a missing text', () => {
    for (const deadline of ['2026-12-03', '2026-12-02', '2025-01-01']) {
      expect(refusal(() => checkIntegrationRequest({ text: 'x', deadline }, today))).toMatchObject({ status: 422, fields: { deadline: expect.stringContaining('successivo a oggi') } });
    }
    expect(refusal(() => checkIntegrationRequest({ text: 'x', deadline: '2027-03-04' }, today)).fields).toEqual({ deadline: expect.stringContaining('90 giorni') });
    expect(refusal(() => checkIntegrationRequest({ text: 'x', deadline: '2027-02-30' }, today)).fields).toEqual({ deadline: expect.stringContaining('non valida') });
    expect(refusal(() => checkIntegrationRequest({ text: '  ', deadline: '' }, today)).fields).toEqual({ text: expect.any(String), deadline: expect.any(String) });
    expect(refusal(() => checkIntegrationRequest({ text: 'x'.repeat(4001), deadline: '2026-12-10' }, today)).fields).toEqual({ text: expect.stringContaining('4000') });
  });
});

describe('days', () => {
  it('shifts, formats and checks calendar days', () => {
    expect(shiftDay('2026-12-03', 90)).toBe('2027-03-03');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(italianDay('2027-01-05')).toBe('05/01/2027');
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('03/12/2026')).toBe(false);
    expect(integrationNote('Inviare le ricevute', '2027-01-05')).toBe('Inviare le ricevute\nTermine: 05/01/2027');
  });
});
