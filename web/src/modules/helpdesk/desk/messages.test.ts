import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from './api';
import { en, it as itMessages } from './messages';

/** Every leaf "a.b.c" → its text. */
function leaves(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('helpdesk-desk messages', () => {
  it('use the same keys and placeholders in Italian and English', () => {
    const italian = leaves(itMessages);
    const english = leaves(en);
    expect([...english.keys()].sort()).toEqual([...italian.keys()].sort());
    for (const [key, text] of italian) expect({ key, names: placeholders(english.get(key)!) }).toEqual({ key, names: placeholders(text) });
  });

  it('name every status for the count buttons and the filter', () => {
    for (const status of REQUEST_STATUSES) expect(itMessages.status[status]).toMatch(/\S/);
  });

  it('say in words who reads each kind of note, as the manual does', () => {
    expect(itMessages.notes.audience.public).toBe('Pubblica – inviata al cittadino');
    expect(itMessages.notes.audience.private).toBe('Privata – solo operatori');
    expect(itMessages.notes.audience.regional).toBe('Nota per l’assistenza regionale');
    expect(itMessages.update.recipient['regional-desk']).toBe('La nota andrà all’assistenza regionale, non al cittadino.');
  });
});
