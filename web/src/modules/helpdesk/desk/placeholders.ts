/**
 * Canned replies hold placeholders such as {{data}}, {{identificativo}}, {{iuv}} (seed 004 §2.8:
 * "Il referto è stato prodotto in data xx/xx/xx e ha il seguente identificativo …"). The operator
 * fills them in the editor; the server refuses a note that still holds one.
 */

// Any {{…}}, as the server reads it: a name it does not know is still a placeholder left unfilled.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders known by name, with how their value is typed. */
export const KNOWN_PLACEHOLDERS = ['data', 'identificativo', 'iuv'] as const;
export type KnownPlaceholder = (typeof KNOWN_PLACEHOLDERS)[number];

export const isKnownPlaceholder = (name: string): name is KnownPlaceholder => (KNOWN_PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholders a text holds, each once, in the order they first appear. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** "2026-11-20" → "20/11/2026": a date placeholder reads as the citizen expects it. */
export function placeholderValue(name: string, raw: string): string {
  const value = raw.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (name === 'data' && day) return `${day[3]}/${day[2]}/${day[1]}`;
  return value;
}

/**
 * Replaces every placeholder that has a non-blank value; the others stay as they are, so what is
 * still missing remains visible (and the server refuses it).
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const raw = values[name];
    if (raw === undefined || raw.trim() === '') return whole;
    return placeholderValue(name, raw);
  });
}

/** The placeholders still in the text once filled with these values. */
export function unfilledPlaceholders(text: string, values: Readonly<Record<string, string>>): string[] {
  return placeholdersOf(fillPlaceholders(text, values));
}

/**
 * A canned reply put into the editor: it takes the place of an empty note, or goes after what the
 * operator already wrote, separated by a blank line.
 */
export function insertReply(current: string, reply: string): string {
  return current.trim() === '' ? reply : `${current.replace(/\s+$/, '')}\n\n${reply}`;
}
