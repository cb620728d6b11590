/**
 * Text for SEPA files. The EPC's SEPA credit transfer rules allow only the Latin character set:
 * a-z A-Z 0-9 / - ? : ( ) . , ' + and space. Accented letters become their base letter (the bank
 * would refuse or mangle them), anything else a space; runs of spaces collapse.
 */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', '&': '+' };
const NOT_SEPA = /[^a-zA-Z0-9/\-?:().,'+ ]/g;

/** `value` in the SEPA character set, trimmed, at most `maxLength` characters. */
export function toSepaText(value: string, maxLength: number): string {
  const latin = value
    .replace(/[ßæÆœŒøØđĐłŁþÞ&]/g, (c) => SPECIAL[c] ?? ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // the accents NFD split off
    .replace(NOT_SEPA, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return latin.slice(0, maxLength).trimEnd();
}

/** True when `value` is already plain SEPA text (identifiers we build ourselves). */
export function isSepaText(value: string): boolean {
  return value.length > 0 && !new RegExp(NOT_SEPA.source).test(value);
}

/** Escapes text for an XML element or attribute. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
