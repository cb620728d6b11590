import { createHash } from 'node:crypto';
import { TooManyRequests } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';

/**
 * Abuse containment without third-party services (issue #6): fixed windows shared by every server
 * instance (platform/rate-limit.ts), on real time — never the demo's simulated date.
 */
export const ABUSE_LIMITS = {
  /** Requests filed from one address. */
  filingsPerIp: { hits: 10, windowSeconds: 3600 },
  /** Requests filed for one e-mail address (each sends it an e-mail: no mail bombing). */
  filingsPerEmail: { hits: 5, windowSeconds: 3600 },
  /** Answers through the signed link from one address. */
  answersPerIp: { hits: 20, windowSeconds: 3600 },
} as const;

type LimiterDeps = Pick<HelpdeskDeps, 'limiter' | 'realClock'>;

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const retryIn = (seconds: number) => (minutes(seconds) === 1 ? 'tra un minuto' : `tra ${minutes(seconds)} minuti`);

// The e-mail is hashed: the counters table need not hold people's addresses.
const emailKey = (email: string) => `helpdesk:file:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
const ipKey = (ip: string) => `helpdesk:file:ip:${ip}`;

function tooManyFromIp(retryAfterSeconds: number) {
  return new TooManyRequests(`Da questa connessione sono state inviate troppe richieste di assistenza: riprova ${retryIn(retryAfterSeconds)}.`, retryAfterSeconds);
}

/** Refuses early, before reading the form, an address that has already used up its filings. */
export async function refuseExhaustedAddress(deps: LimiterDeps, ip: string): Promise<void> {
  const { filingsPerIp } = ABUSE_LIMITS;
  const window = await deps.limiter.peek(ipKey(ip), filingsPerIp.windowSeconds, deps.realClock.now());
  if (window.hits >= filingsPerIp.hits) throw tooManyFromIp(window.retryAfterSeconds);
}

/** Counts a valid filing against the address and the e-mail; refuses one past either limit. */
export async function countFiling(deps: LimiterDeps, ip: string, email: string): Promise<void> {
  const { filingsPerIp, filingsPerEmail } = ABUSE_LIMITS;
  const now = deps.realClock.now();
  const byIp = await deps.limiter.hit(ipKey(ip), filingsPerIp.windowSeconds, now);
  if (byIp.hits > filingsPerIp.hits) throw tooManyFromIp(byIp.retryAfterSeconds);
  const byEmail = await deps.limiter.hit(emailKey(email), filingsPerEmail.windowSeconds, now);
  if (byEmail.hits > filingsPerEmail.hits) {
    throw new TooManyRequests(
      `Per questo indirizzo e-mail sono state inviate troppe richieste di assistenza: riprova ${retryIn(byEmail.retryAfterSeconds)}. Per aggiungere informazioni a una richiesta già inviata, rispondi dal collegamento ricevuto per e-mail.`,
      byEmail.retryAfterSeconds,
    );
  }
}

/** Counts an answer sent through the signed link from an address. */
export async function countAnswer(deps: LimiterDeps, ip: string): Promise<void> {
  const { answersPerIp } = ABUSE_LIMITS;
  const window = await deps.limiter.hit(`helpdesk:answer:ip:${ip}`, answersPerIp.windowSeconds, deps.realClock.now());
  if (window.hits > answersPerIp.hits) {
    throw new TooManyRequests(`Da questa connessione sono state inviate troppe risposte: riprova ${retryIn(window.retryAfterSeconds)}.`, window.retryAfterSeconds);
  }
}
