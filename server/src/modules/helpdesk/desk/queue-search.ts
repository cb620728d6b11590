import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';

/** What the queue's search box asked for. */
export type TextSearch =
  | { kind: 'number'; number: number }
  | { kind: 'fiscalCode'; fiscalCode: string }
  /** `tsquery`: built per word (see below); `advanced`: websearch syntax, passed as typed. */
  | { kind: 'text'; text: string; tsquery: string; advanced: boolean };

const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/i;

/**
 * Reads the search box: a request number, a codice fiscale (exact matches), or words. The search
 * vector holds number, codice fiscale, names and e-mail with the 'simple' configuration and the
 * description with the 'italian' one, so each word must match either: "Ferrari referto" becomes
 * ('ferrar' | 'ferrari') & ('refert' | 'referto'); Italian stop words are dropped (they are not in
 * the description's vector). Quotes or a leading minus switch to websearch syntax as typed.
 * Null when nothing is left to search.
 */
export async function parseSearch(db: AnyDb, q: string | undefined): Promise<TextSearch | null> {
  const text = q?.trim() ?? '';
  if (text === '') return null;
  if (/^\d{1,15}$/.test(text)) return { kind: 'number', number: Number(text) };
  if (FISCAL_CODE.test(text)) return { kind: 'fiscalCode', fiscalCode: text.toUpperCase() };
  const advanced = text.includes('"') || /(^|\s)-\S/.test(text);
  if (advanced) return { kind: 'text', text, tsquery: '', advanced };
  const words = text.split(/\s+/).slice(0, 12);
  const { rows } = await sql<{ query: string | null }>`
    SELECT string_agg('(' || plainto_tsquery('italian', w)::text || ' | ' || plainto_tsquery('simple', w)::text || ')', ' & ') AS query
    FROM unnest(${words}::text[]) AS w
    WHERE numnode(plainto_tsquery('italian', w)) > 0`.execute(db);
  const tsquery = rows[0]?.query ?? null;
  return tsquery ? { kind: 'text', text, tsquery, advanced } : null;
}
