import type { HelpdeskDeps } from '../helpdesk.deps.js';

/** Requests "risolto" for closeAfterDays become "chiuso" (placeholder: being written). */
export async function closeResolved(_deps: HelpdeskDeps): Promise<number> {
  return 0;
}
