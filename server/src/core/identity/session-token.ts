import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: the only secret a browser holds for its session. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The database keeps only this digest of a session token. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** CSRF token bound to the browser's session (or pre-login) cookie: an attacker can neither read nor forge it. */
export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isWellFormedToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
