import { CLAIM_STATUSES, type ClaimStatus, type QueueFilter } from './api';

/** "Tutti gli stati": the queue opens on the claims to evaluate, so "all" needs its own value. */
export const ALL_STATUSES = 'tutte';
export type StatusChoice = ClaimStatus | typeof ALL_STATUSES;
export const DEFAULT_STATUS: StatusChoice = 'da_valutare';

/** The queue's filters and page as they live in the URL, so that a reload or a link keeps them. */
export interface QueueSearch {
  status: StatusChoice;
  year?: number;
  /** The quadrimestre, 1–3. */
  index?: number;
  merchantId?: string;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isStatus = (value: string): value is ClaimStatus => (CLAIM_STATUSES as readonly string[]).includes(value);

function wholeNumber(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** ?stato=approvata&anno=2026&quadrimestre=2&esercente=…&pagina=3 → the search; anything malformed is dropped. */
export function readQueueSearch(params: URLSearchParams): QueueSearch {
  const stato = params.get('stato');
  const status: StatusChoice = stato === ALL_STATUSES ? ALL_STATUSES : stato !== null && isStatus(stato) ? stato : DEFAULT_STATUS;
  const merchantId = params.get('esercente')?.trim();
  return {
    status,
    year: wholeNumber(params.get('anno'), 2000, 2999),
    index: wholeNumber(params.get('quadrimestre'), 1, 3),
    // The server takes only a structure's id: anything else would answer 400 instead of the list.
    merchantId: merchantId && UUID.test(merchantId) ? merchantId : undefined,
    page: wholeNumber(params.get('pagina'), 1, 9999) ?? 1,
  };
}

/** The search as URL parameters, leaving out the defaults (the claims to evaluate, page 1). */
export function writeQueueSearch(search: QueueSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.status !== DEFAULT_STATUS) params.set('stato', search.status);
  if (search.year !== undefined) params.set('anno', String(search.year));
  if (search.index !== undefined) params.set('quadrimestre', String(search.index));
  if (search.merchantId) params.set('esercente', search.merchantId);
  if (search.page > 1) params.set('pagina', String(search.page));
  return params;
}

/** What the server is asked for: no status means every status. */
export function queueFilterOf(search: QueueSearch): QueueFilter {
  const filter: QueueFilter = {};
  if (search.status !== ALL_STATUSES) filter.status = search.status;
  if (search.year !== undefined) filter.year = search.year;
  if (search.index !== undefined) filter.index = search.index;
  if (search.merchantId) filter.merchantId = search.merchantId;
  return filter;
}

/** The years offered in "Periodo": from this year back to the first of the platform, plus one already chosen. */
export function yearChoices(currentYear: number, chosen: number | undefined, firstYear = currentYear - 4): number[] {
  const years = new Set<number>();
  for (let y = currentYear; y >= firstYear; y -= 1) years.add(y);
  if (chosen !== undefined) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}
