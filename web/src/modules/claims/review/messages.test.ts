import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES } from './api';
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

describe('claims-review messages', () => {
  it('use the same placeholders in Italian and English, so no value is lost in translation', () => {
    const italian = leaves(itMessages);
    const english = leaves(en);
    expect([...english.keys()].sort()).toEqual([...italian.keys()].sort());
    for (const [key, text] of italian) expect({ key, names: placeholders(english.get(key)!) }).toEqual({ key, names: placeholders(text) });
  });

  it('name every status of a claim for the count buttons and the filter', () => {
    for (const status of CLAIM_STATUSES) {
      expect(itMessages.status[status]).toMatch(/\S/);
      expect(en.status[status]).toMatch(/\S/);
    }
  });
});
