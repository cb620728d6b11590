import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed link that lets a citizen who filed without signing in read his request's thread and
 * answer it (e-mailed with every public note). The token names the request and is signed with the
 * platform's secret: it cannot be forged for another request. It holds no expiry: the thread of a
 * closed request stays readable, and answering is refused by the request's status.
 */
const PURPOSE = 'helpdesk-thread:v1:';

export function threadToken(secret: string, requestId: string): string {
  const mac = createHmac('sha256', secret).update(PURPOSE + requestId).digest('base64url');
  return `${requestId}.${mac}`;
}

/** The request id a token was signed for, or null when it is not one of ours. */
export function requestOfToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  const requestId = token.slice(0, dot);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(requestId)) return null;
  const expected = Buffer.from(threadToken(secret, requestId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? requestId : null;
}

/** Path of the web page where the citizen reads the thread through the token. */
export const threadPath = (token: string) => `/assistenza/richiesta?token=${encodeURIComponent(token)}`;
/** Path of the signed-in citizen's own request. */
export const myRequestPath = (requestId: string) => `/assistenza/mie-richieste/${requestId}`;
/** Path of a request in the operators' back office. */
export const deskRequestPath = (requestId: string) => `/assistenza/operatori/richieste/${requestId}`;
