import { describe, expect, it } from 'vitest';
import { ALL_STATUSES, queueFilterOf, readQueueSearch, writeQueueSearch, yearChoices } from './queue-search';

const MERCHANT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const read = (query: string) => readQueueSearch(new URLSearchParams(query));

describe('the queue in the URL', () => {
  it('opens on the claims to evaluate, page 1', () => {
    expect(read('')).toEqual({ status: 'da_valutare', year: undefined, index: undefined, merchantId: undefined, page: 1 });
  });

  it('reads every filter and the page', () => {
    expect(read(`stato=approvata&anno=2026&quadrimestre=2&esercente=${MERCHANT}&pagina=3`)).toEqual({
      status: 'approvata',
      year: 2026,
      index: 2,
      merchantId: MERCHANT,
      page: 3,
    });
  });

  it('keeps "all statuses" apart from the default', () => {
    expect(read('stato=tutte').status).toBe(ALL_STATUSES);
    expect(queueFilterOf(read('stato=tutte'))).toEqual({});
    expect(queueFilterOf(read(''))).toEqual({ status: 'da_valutare' });
  });

  it('drops what the server would refuse instead of failing the page', () => {
    expect(read('stato=boh&anno=26&quadrimestre=4&esercente=farmacia&pagina=0')).toEqual({
      status: 'da_valutare',
      year: undefined,
      index: undefined,
      merchantId: undefined,
      page: 1,
    });
    expect(read('pagina=abc&anno=2026.5').page).toBe(1);
  });

  it('writes only what differs from the default, and reads back the same search', () => {
    expect(writeQueueSearch({ status: 'da_valutare', page: 1 }).toString()).toBe('');
    const search = { status: 'rifiutata' as const, year: 2025, index: 3, merchantId: MERCHANT, page: 2 };
    const written = writeQueueSearch(search);
    expect(written.toString()).toBe(`stato=rifiutata&anno=2025&quadrimestre=3&esercente=${MERCHANT}&pagina=2`);
    expect(readQueueSearch(written)).toEqual(search);
    expect(writeQueueSearch({ status: ALL_STATUSES, page: 1 }).toString()).toBe('stato=tutte');
  });

  it('asks the server for the filters it knows, by their names', () => {
    expect(queueFilterOf({ status: 'approvata', year: 2026, index: 1, merchantId: MERCHANT, page: 4 })).toEqual({
      status: 'approvata',
      year: 2026,
      index: 1,
      merchantId: MERCHANT,
    });
  });
});

describe('the years of "Periodo"', () => {
  it('go from this year back, newest first', () => {
    expect(yearChoices(2026, undefined, 2024)).toEqual([2026, 2025, 2024]);
  });

  it('keep a year chosen in the URL even outside the range', () => {
    expect(yearChoices(2026, 2019, 2025)).toEqual([2026, 2025, 2019]);
    expect(yearChoices(2026, 2025, 2024)).toEqual([2026, 2025, 2024]);
  });
});
