import { isRequestStatus, type QueueAge, type QueueFilter, type QueueSort, type RequestStatus } from './api';

/** "Tutti gli stati" has its own value in the URL. */
export const ALL_STATUSES = 'tutte';
export type StatusChoice = RequestStatus | typeof ALL_STATUSES;

/** "Assegnatario": to me, to nobody, or to one operator (by id). */
export type AssigneeChoice = 'me' | 'none' | string;

export const DEFAULT_SORT: QueueSort = 'newest';
export const MAX_QUERY_LENGTH = 200;

/** The queue's filters, search and page as they live in the URL, so a reload or a link keeps them. */
export interface QueueSearch {
  status: StatusChoice;
  category?: string;
  assignee?: AssigneeChoice;
  age?: QueueAge;
  q?: string;
  sort: QueueSort;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z0-9-]{1,60}$/;

// Italian words in the URL (the operators read and share it), the server's names in the call.
const AGE_WORDS: Record<QueueAge, string> = { today: 'oggi', week: 'settimana', month: 'mese', older: 'piu-vecchie' };
const SORT_WORDS: Record<QueueSort, string> = { newest: 'recenti', oldest: 'meno-recenti', status: 'stato', relevance: 'pertinenza' };
const ASSIGNEE_WORDS = { me: 'io', none: 'nessuno' } as const;

function fromWord<T extends string>(words: Record<T, string>, word: string | null): T | undefined {
  if (word === null) return undefined;
  return (Object.keys(words) as T[]).find((key) => words[key] === word);
}

function wholeNumber(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function readAssignee(value: string | null): AssigneeChoice | undefined {
  if (value === ASSIGNEE_WORDS.me) return 'me';
  if (value === ASSIGNEE_WORDS.none) return 'none';
  return value !== null && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** A search typed by a person: spaces collapsed, at most MAX_QUERY_LENGTH characters; blank is none. */
export function normaliseQuery(value: string | null | undefined): string | undefined {
  const q = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
  return q === '' ? undefined : q;
}

/**
 * ?stato=nuova&tipologia=referto-non-trovato&assegnatario=io&eta=settimana&cerca=rossi&ordine=meno-recenti&pagina=2
 * → the search; anything malformed is dropped rather than failing the page.
 */
export function readQueueSearch(params: URLSearchParams): QueueSearch {
  const stato = params.get('stato');
  const category = params.get('tipologia');
  return {
    status: stato !== null && isRequestStatus(stato) ? stato : ALL_STATUSES,
    category: category !== null && CODE.test(category) ? category : undefined,
    assignee: readAssignee(params.get('assegnatario')),
    age: fromWord(AGE_WORDS, params.get('eta')),
    q: normaliseQuery(params.get('cerca')),
    sort: fromWord(SORT_WORDS, params.get('ordine')) ?? DEFAULT_SORT,
    page: wholeNumber(params.get('pagina'), 1, 9999) ?? 1,
  };
}

/** The search as URL parameters, leaving out the defaults (every status, newest first, page 1). */
export function writeQueueSearch(search: QueueSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.status !== ALL_STATUSES) params.set('stato', search.status);
  if (search.category) params.set('tipologia', search.category);
  if (search.assignee) params.set('assegnatario', search.assignee === 'me' || search.assignee === 'none' ? ASSIGNEE_WORDS[search.assignee] : search.assignee);
  if (search.age) params.set('eta', AGE_WORDS[search.age]);
  const q = normaliseQuery(search.q);
  if (q) params.set('cerca', q);
  if (search.sort !== DEFAULT_SORT) params.set('ordine', SORT_WORDS[search.sort]);
  if (search.page > 1) params.set('pagina', String(search.page));
  return params;
}

/** What the server is asked for: no status means every status. */
export function queueFilterOf(search: QueueSearch): QueueFilter {
  const filter: QueueFilter = { sort: search.sort };
  if (search.status !== ALL_STATUSES) filter.status = search.status;
  if (search.category) filter.category = search.category;
  if (search.assignee) filter.assignee = search.assignee;
  if (search.age) filter.age = search.age;
  const q = normaliseQuery(search.q);
  if (q) filter.q = q;
  return filter;
}

/** Whether anything narrows the queue beyond the status (for the empty message). */
export const hasNarrowingFilters = (search: QueueSearch) => Boolean(search.category || search.assignee || search.age || search.q);
