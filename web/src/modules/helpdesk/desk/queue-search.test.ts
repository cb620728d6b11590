import { describe, expect, it } from 'vitest';
import { ALL_STATUSES, hasNarrowingFilters, MAX_QUERY_LENGTH, normaliseQuery, queueFilterOf, readQueueSearch, writeQueueSearch } from './queue-search';

const OPERATOR = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const read = (query: string) => readQueueSearch(new URLSearchParams(query));

describe('the help-desk queue in the URL', () => {
  it('opens on every status, newest first, page 1', () => {
    expect(read('')).toEqual({ status: ALL_STATUSES, category: undefined, assignee: undefined, age: undefined, q: undefined, sort: 'newest', page: 1 });
    expect(writeQueueSearch(read('')).toString()).toBe('');
  });

  it('reads every filter in Italian words', () => {
    expect(read(`stato=in_attesa_utente&tipologia=referto-non-trovato&assegnatario=io&eta=piu-vecchie&cerca=Rossi&ordine=meno-recenti&pagina=3`)).toEqual({
      status: 'in_attesa_utente',
      category: 'referto-non-trovato',
      assignee: 'me',
      age: 'older',
      q: 'Rossi',
      sort: 'oldest',
      page: 3,
    });
    expect(read('assegnatario=nessuno').assignee).toBe('none');
    expect(read(`assegnatario=${OPERATOR.toUpperCase()}`).assignee).toBe(OPERATOR);
  });

  it('drops what the server would refuse instead of failing the page', () => {
    expect(read('stato=aperta&tipologia=Referto Non&assegnatario=paolo&eta=ieri&ordine=a-caso&pagina=0&cerca=%20%20')).toEqual({
      status: ALL_STATUSES,
      category: undefined,
      assignee: undefined,
      age: undefined,
      q: undefined,
      sort: 'newest',
      page: 1,
    });
  });

  it('writes back what it reads, and the server gets its own names', () => {
    const search = { status: 'nuova' as const, category: 'altro', assignee: OPERATOR, age: 'week' as const, q: 'RSSMRA80A01H501U', sort: 'status' as const, page: 2 };
    const written = writeQueueSearch(search);
    expect(written.toString()).toBe(`stato=nuova&tipologia=altro&assegnatario=${OPERATOR}&eta=settimana&cerca=RSSMRA80A01H501U&ordine=stato&pagina=2`);
    expect(readQueueSearch(written)).toEqual(search);
    expect(queueFilterOf(search)).toEqual({ status: 'nuova', category: 'altro', assignee: OPERATOR, age: 'week', q: 'RSSMRA80A01H501U', sort: 'status' });
    expect(queueFilterOf(read('assegnatario=io'))).toEqual({ assignee: 'me', sort: 'newest' });
  });

  it('tidies the search box: spaces collapsed, length capped, blank is no search', () => {
    expect(normaliseQuery('  referto   non\ttrovato ')).toBe('referto non trovato');
    expect(normaliseQuery('x'.repeat(MAX_QUERY_LENGTH + 50))).toHaveLength(MAX_QUERY_LENGTH);
    expect(normaliseQuery(' \n ')).toBeUndefined();
  });

  it('tells when the queue is narrowed beyond the status', () => {
    expect(hasNarrowingFilters(read('stato=nuova'))).toBe(false);
    expect(hasNarrowingFilters(read('cerca=rossi'))).toBe(true);
  });
});
