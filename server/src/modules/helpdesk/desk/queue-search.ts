import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';

/** What the queue's search box asked for. */
export type TextSearch =
  | { kind: 'number'; number: number }
  | { kind: 'fiscalCode'; fiscalCode: string }
  /**
   * `tsquery`: built per word (see below); `advanced`: websearch syntax, passed as typed;
   * `newestMatches`: its matches among the queue's newest PROBE_WINDOW requests, when already counted.
   */
  | { kind: 'text'; text: string; tsquery: string; advanced: boolean; newestMatches?: number };

/** A search is rare when fewer than RARE_BELOW of the queue's newest PROBE_WINDOW requests match it (see isRareSearch). */
export const PROBE_WINDOW = 1000;
export const RARE_BELOW = 5;

const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/i;

/**
 * Reads the search box: a request number, a codice fiscale (exact matches), or words. The search
 * vector holds number, codice fiscale, names and e-mail with the 'simple' configuration and the
 * description with the 'italian' one, so each word must match either: "Ferrari referto" becomes
 * ('ferrar' | 'ferrari') & ('refert' | 'referto'); Italian stop words are dropped (they are not in
 * the description's vector). Quotes or a leading minus switch to websearch syntax as typed.
 * Null when nothing is left to search. The same round trip counts the words' matches among the
 * newest requests of the queue `queueStructureId` (whether the search is rare, see isRareSearch).
 */
export async function parseSearch(db: AnyDb, q: string | undefined, queueStructureId: string): Promise<TextSearch | null> {
  const text = q?.trim() ?? '';
  if (text === '') return null;
  if (/^\d{1,15}$/.test(text)) return { kind: 'number', number: Number(text) };
  if (FISCAL_CODE.test(text)) return { kind: 'fiscalCode', fiscalCode: text.toUpperCase() };
  const advanced = text.includes('"') || /(^|\s)-\S/.test(text);
  if (advanced) return { kind: 'text', text, tsquery: '', advanced };
  const words = text.split(/\s+/).slice(0, 12);
  const { rows } = await sql<{ query: string | null; newest: number }>`
    WITH q AS (
      SELECT string_agg('(' || plainto_tsquery('italian', w)::text || ' | ' || plainto_tsquery('simple', w)::text || ')', ' & ') AS query
      FROM unnest(${words}::text[]) AS w
      WHERE numnode(plainto_tsquery('italian', w)) > 0)
    SELECT q.query,
           (SELECT count(*) FROM (SELECT r.search FROM helpdesk_requests r WHERE r.queue_structure_id = ${queueStructureId}
                                   ORDER BY r.created_at DESC, r.id DESC LIMIT ${PROBE_WINDOW}) w
             WHERE w.search @@ q.query::tsquery)::int AS newest
    FROM q`.execute(db);
  const tsquery = rows[0]?.query ?? null;
  return tsquery ? { kind: 'text', text, tsquery, advanced, newestMatches: rows[0]!.newest } : null;
}
