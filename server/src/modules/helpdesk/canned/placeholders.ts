/**
 * Placeholders of canned replies (seed 004 §2.7–2.12: "in data xx/xx/xx", "il seguente
 * identificativo", the IUV): written {{data}}, {{identificativo}}, {{iuv}} and filled in the editor
 * before sending.
 */
export const PLACEHOLDERS = ['data', 'identificativo', 'iuv'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const ANY = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every `{{...}}` left in a text, in order, once each (e.g. ['data', 'identificativo']). */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(ANY)].map((m) => m[1]!))];
}

/** The known placeholders a canned reply's body holds, in order. */
export function placeholdersIn(body: string): Placeholder[] {
  return placeholderNames(body).filter((name): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name));
}

/** Placeholders of a body that are none of ours (a typo a supervisor must fix). */
export function unknownPlaceholders(body: string): string[] {
  return placeholderNames(body).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}
