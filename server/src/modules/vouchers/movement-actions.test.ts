import { describe, expect, it } from 'vitest';
import { movementActions, receiptVisible } from './movement-actions.js';

// 23:30 in Rome on 14 April is 21:30 UTC; 00:30 on 15 April is 22:30 UTC on the 14th.
const lateOn14th = new Date('2027-04-14T21:30:00Z');
const earlyOn15th = new Date('2027-04-14T22:30:00Z');
const purchase = { kind: 'acquisto' as const, hasReceipt: true, cancelled: false };

describe('menù azioni', () => {
  it('offers receipt and cancellation for a confirmed purchase of today (Rome), only the receipt the day after', () => {
    const confirmed = { ...purchase, status: 'confermato' as const, createdAt: lateOn14th };
    expect(movementActions(confirmed, lateOn14th)).toEqual(['visualizza-scontrino', 'cancella-movimento']);
    expect(movementActions(confirmed, earlyOn15th)).toEqual(['visualizza-scontrino']);
  });

  it('offers "autorizza pagamento" for a pending purchase only on its day', () => {
    const pending = { ...purchase, status: 'in_attesa' as const, createdAt: lateOn14th };
    expect(movementActions(pending, lateOn14th)).toEqual(['visualizza-scontrino', 'autorizza-pagamento']);
    expect(movementActions(pending, earlyOn15th)).toEqual([]);
  });

  it('offers nothing to cancel twice, nothing on cancellations or released holds, no receipt when none was attached', () => {
    expect(movementActions({ ...purchase, status: 'confermato', createdAt: lateOn14th, cancelled: true }, lateOn14th)).toEqual(['visualizza-scontrino']);
    expect(movementActions({ ...purchase, kind: 'cancellazione', status: 'confermato', createdAt: lateOn14th }, lateOn14th)).toEqual([]);
    expect(movementActions({ ...purchase, status: 'rilasciato', createdAt: lateOn14th }, lateOn14th)).toEqual([]);
    expect(movementActions({ ...purchase, hasReceipt: false, status: 'confermato', createdAt: lateOn14th }, lateOn14th)).toEqual(['cancella-movimento']);
  });

  it('shows a receipt for confirmed purchases and for today’s pending ones', () => {
    expect(receiptVisible({ status: 'confermato', createdAt: lateOn14th }, earlyOn15th)).toBe(true);
    expect(receiptVisible({ status: 'in_attesa', createdAt: lateOn14th }, lateOn14th)).toBe(true);
    expect(receiptVisible({ status: 'in_attesa', createdAt: lateOn14th }, earlyOn15th)).toBe(false);
    expect(receiptVisible({ status: 'rilasciato', createdAt: lateOn14th }, lateOn14th)).toBe(false);
  });
});
