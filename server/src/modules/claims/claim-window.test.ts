import { describe, expect, it } from 'vitest';
import { filingWindowAt, periodLabel, periodOf, periodOfDay, windowLabel, windowOf } from './claim-window.js';

/** A filing window as [opens, closes]. */
const at = (iso: string) => {
  const { open, window } = filingWindowAt(new Date(iso));
  return { open, period: window.period, opens: window.opens, closes: window.closes };
};

describe('quadrimestri', () => {
  it('puts every month in its quadrimestre', () => {
    const expected = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3];
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      expect(periodOfDay(`2027-${mm}-01`)).toEqual({ year: 2027, index: expected[month - 1] });
      expect(periodOfDay(`2027-${mm}-28`)).toEqual({ year: 2027, index: expected[month - 1] });
    }
  });

  it('labels periods and windows as the legend and the messages show them', () => {
    expect(periodLabel({ year: 2027, index: 1 })).toBe('1° quadrimestre 2027 (gennaio – aprile)');
    expect(periodLabel({ year: 2027, index: 3 })).toBe('3° quadrimestre 2027 (settembre – dicembre)');
    expect(windowLabel(windowOf({ year: 2027, index: 1 }))).toBe('dal 01/04/2027 al 30/04/2027');
    expect(windowLabel(windowOf({ year: 2027, index: 2 }))).toBe('dal 01/08/2027 al 31/08/2027');
    expect(windowLabel(windowOf({ year: 2027, index: 3 }))).toBe('dal 01/12/2027 al 31/12/2027');
  });
});

describe('filing window (last month of the quadrimestre, Europe/Rome)', () => {
  it('is open on the first and last day of April, August and December only', () => {
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      const lastDay = new Date(Date.UTC(2027, month, 0)).getUTCDate();
      // Noon UTC is the same calendar day in Rome in every season.
      const first = at(`2027-${mm}-01T12:00:00Z`);
      const last = at(`2027-${mm}-${lastDay}T12:00:00Z`);
      const isWindowMonth = month % 4 === 0;
      expect(first.open, `01/${mm}`).toBe(isWindowMonth);
      expect(last.open, `${lastDay}/${mm}`).toBe(isWindowMonth);
      // Closed or open, the window shown is the current quadrimestre's.
      expect(first.period).toEqual({ year: 2027, index: Math.floor((month - 1) / 4) + 1 });
    }
  });

  it('opens at 00:00 of 1 April Rome time (UTC+2, summer time)', () => {
    expect(at('2027-03-31T21:59:59Z')).toMatchObject({ open: false, opens: '2027-04-01', closes: '2027-04-30' }); // 23:59:59 of 31/03
    expect(at('2027-03-31T22:00:00Z')).toMatchObject({ open: true, opens: '2027-04-01', closes: '2027-04-30' }); // 00:00 of 01/04
  });

  it('closes at 24:00 of 30 April Rome time; on 1 May the next window is August', () => {
    expect(at('2027-04-30T21:59:59Z')).toMatchObject({ open: true, period: { year: 2027, index: 1 } }); // 23:59:59 of 30/04
    expect(at('2027-04-30T22:00:00Z')).toEqual({ open: false, period: { year: 2027, index: 2 }, opens: '2027-08-01', closes: '2027-08-31' }); // 00:00 of 01/05
  });

  it('August in summer time: 31/08 23:59 open, 01/09 00:00 closed', () => {
    expect(at('2027-07-31T21:59:59Z').open).toBe(false);
    expect(at('2027-07-31T22:00:00Z').open).toBe(true);
    expect(at('2027-08-31T21:59:59Z').open).toBe(true);
    expect(at('2027-08-31T22:00:00Z')).toEqual({ open: false, period: { year: 2027, index: 3 }, opens: '2027-12-01', closes: '2027-12-31' });
  });

  it('December in winter time (UTC+1): 01/12 00:00 opens, 01/01 00:00 closes and the next window is April', () => {
    expect(at('2027-11-30T22:59:59Z').open).toBe(false);
    expect(at('2027-11-30T23:00:00Z').open).toBe(true);
    expect(at('2027-12-31T22:59:59Z')).toMatchObject({ open: true, period: { year: 2027, index: 3 } });
    expect(at('2027-12-31T23:00:00Z')).toEqual({ open: false, period: { year: 2028, index: 1 }, opens: '2028-04-01', closes: '2028-04-30' });
    expect(periodOf(new Date('2027-12-31T23:00:00Z'))).toEqual({ year: 2028, index: 1 });
  });

  it('leap years: 29 February is outside the window, which is still April', () => {
    expect(at('2028-02-29T12:00:00Z')).toEqual({ open: false, period: { year: 2028, index: 1 }, opens: '2028-04-01', closes: '2028-04-30' });
    expect(at('2028-02-29T23:30:00Z').open).toBe(false); // already 1 March in Rome
    expect(windowOf({ year: 2028, index: 1 })).toEqual({ period: { year: 2028, index: 1 }, opens: '2028-04-01', closes: '2028-04-30' });
  });
});
