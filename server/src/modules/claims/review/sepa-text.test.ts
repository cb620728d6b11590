import { describe, expect, it } from 'vitest';
import { escapeXml, isSepaText, toSepaText } from './sepa-text.js';

describe('toSepaText', () => {
  it('keeps the SEPA characters as they are', () => {
    const all = "abcxyz ABCXYZ 0123456789 / - ? : ( ) . , ' +";
    expect(toSepaText(all, 140)).toBe(all);
  });

  it('transliterates accented and special Latin letters', () => {
    expect(toSepaText('Società Cooperativa Però Così Perché', 70)).toBe('Societa Cooperativa Pero Cosi Perche');
    expect(toSepaText('ÀÈÉÌÒÙ àèéìòù çÇ ñÑ äöüÄÖÜ', 70)).toBe('AEEIOU aeeiou cC nN aouAOU');
    expect(toSepaText('Straße Æsir Œuvre Øre Łódź', 70)).toBe('Strasse AEsir OEuvre Ore Lodz');
    expect(toSepaText('Rossi & Figli', 70)).toBe('Rossi + Figli');
  });

  it('replaces every other character with a space and collapses the spaces', () => {
    expect(toSepaText('1° quadrimestre — 2026', 140)).toBe('1 quadrimestre 2026');
    expect(toSepaText('  <Farmacia>  "Centrale"; €100 @ #1  ', 70)).toBe('Farmacia Centrale 100 1');
    expect(toSepaText('北京 shop', 70)).toBe('shop');
    expect(toSepaText('riga\nnuova\ttab', 70)).toBe('riga nuova tab');
  });

  it('cuts to the maximum length without a trailing space', () => {
    expect(toSepaText('abcde fghij', 6)).toBe('abcde');
    expect(toSepaText('x'.repeat(200), 140)).toHaveLength(140);
  });

  it('gives only characters of the SEPA set, whatever the input', () => {
    const noisy = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(i * 7 + 1)).join('');
    const out = toSepaText(noisy, 2000);
    expect(out).toMatch(/^[a-zA-Z0-9/\-?:().,'+ ]*$/);
    expect(out).not.toMatch(/ {2}/);
  });
});

describe('isSepaText', () => {
  it('accepts plain SEPA text and refuses anything else', () => {
    expect(isSepaText('ISTANZA-12')).toBe(true);
    expect(isSepaText('')).toBe(false);
    expect(isSepaText('Città')).toBe(false);
    expect(isSepaText('a_b')).toBe(false);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
  });
});
