/**
 * File names given by users are shown and offered back on download, never used as paths:
 * sanitised on the way in, encoded (RFC 6266 / RFC 5987) on the way out.
 */

// Control characters, characters Windows refuses in names, and invisible or direction-changing
// characters (an "invoice‮fdp.exe" shows as "invoiceexe.pdf").
const RESERVED = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const MAX_LENGTH = 200;
const FALLBACK = 'documento';

/** The name as given, without any path, control, reserved or invisible character; at most 200 characters. */
export function sanitiseFileName(name: string | undefined | null): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = last
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!clean) return FALLBACK;
  if (clean.length <= MAX_LENGTH) return clean;
  const { stem, extension } = splitExtension(clean);
  const suffix = extension ? `.${extension}` : '';
  return Array.from(stem).slice(0, MAX_LENGTH - suffix.length).join('').trimEnd() + suffix;
}

function splitExtension(name: string): { stem: string; extension: string | null } {
  const match = /^(.+)\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? { stem: match[1]!, extension: match[2]! } : { stem: name, extension: null };
}

/** The name offered on download: the user's name with the extension of what the content really is. */
export function downloadName(originalName: string, extension: string): string {
  const stem = splitExtension(originalName).stem.replace(/[\s.]+$/, '');
  return `${stem || FALLBACK}.${extension}`;
}

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 5987). */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
