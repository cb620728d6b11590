import { AppError, TooManyRequests, Unauthenticated } from '../../platform/http/errors.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { Clock } from '../clock/clock.js';
import type { UserRow } from '../organisations/directory.tables.js';
import type { PeopleRepository } from '../organisations/people.repository.js';
import { dummyVerify, verifySecret } from './passwords.js';
import type { AuthMethod } from './principal.js';

/** After this many failures an account is locked for the rest of the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const MAX_ATTEMPTS_PER_IP = 30;
export const IP_WINDOW_SECONDS = 10 * 60;

/** The rate-limit key that counts a username's failures (and so locks it). */
export function accountLockKey(username: string): string {
  return `login:account:${username.trim().toLowerCase()}`;
}

const INVALID = 'Credenziali non valide: controlla username, password e PIN.';

export interface CredentialsInput {
  username: string;
  password: string;
  pin?: string;
}

/**
 * Username + password (+ PIN for operator accounts, whose PIN is the second factor).
 * Unknown users, wrong password and wrong PIN answer the same; failures are counted per
 * account (locking it) and per IP, in PostgreSQL so every instance shares them.
 */
export async function verifyCredentials(
  deps: { people: PeopleRepository; limiter: RateLimiter; clock: Clock },
  input: CredentialsInput,
  ip: string,
): Promise<{ user: UserRow; method: AuthMethod }> {
  const now = deps.clock.now();
  const ipWindow = await deps.limiter.hit(`login:ip:${ip}`, IP_WINDOW_SECONDS, now);
  if (ipWindow.hits > MAX_ATTEMPTS_PER_IP) {
    throw new TooManyRequests(
      `Troppi tentativi di accesso da questo indirizzo. Riprova tra ${Math.ceil(ipWindow.retryAfterSeconds / 60)} minuti.`,
      ipWindow.retryAfterSeconds,
    );
  }
  const accountKey = accountLockKey(input.username);
  const failures = await deps.limiter.peek(accountKey, ACCOUNT_WINDOW_SECONDS, now);
  if (failures.hits >= MAX_FAILURES_PER_ACCOUNT) throw locked(failures.retryAfterSeconds);

  const user = await deps.people.findByUsername(input.username.trim());
  const passwordOk = user?.password_hash
    ? await verifySecret(user.password_hash, input.password)
    : await dummyVerify(input.password);
  const pinOk = user?.pin_hash ? await verifySecret(user.pin_hash, input.pin ?? '') : true;

  if (!user || !passwordOk || !pinOk) {
    const after = await deps.limiter.hit(accountKey, ACCOUNT_WINDOW_SECONDS, now);
    if (after.hits >= MAX_FAILURES_PER_ACCOUNT) throw locked(after.retryAfterSeconds);
    throw new Unauthenticated('invalid_credentials', INVALID);
  }
  await deps.limiter.reset(accountKey);
  return { user, method: user.pin_hash ? 'password_pin' : 'password' };
}

function locked(retryAfterSeconds: number) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    423,
    'account_locked',
    `Account temporaneamente bloccato per troppi tentativi non riusciti. Riprova tra ${minutes} minut${minutes === 1 ? 'o' : 'i'}.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}
