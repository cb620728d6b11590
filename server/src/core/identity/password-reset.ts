import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import { AppError, TooManyRequests, ValidationFailed } from '../../platform/http/errors.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import { type AuditActor, recordAudit } from '../audit/audit.js';
import type { Clock } from '../clock/clock.js';
import { enqueueNotification } from '../notifications/index.js';
import { PeopleRepository } from '../organisations/people.repository.js';
import { hashSecret } from './passwords.js';
import { passwordProblems } from './password-policy.js';

export interface PasswordResetTables {
  password_resets: { id: string; user_id: string; secret_hash: Buffer; created_at: Date; expires_at: Date; used_at: Date | null };
}

export const RESET_LINK_MINUTES = 30;
const REQUESTS_PER_IP_PER_HOUR = 10;
const REQUESTS_PER_PERSON_PER_HOUR = 3;

/** Names compared as people type them: case, accents, apostrophes and extra spaces aside. */
function foldName(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[’'`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export interface PasswordResetDeps {
  db: AnyDb;
  limiter: RateLimiter;
  /** The rules' clock: the link's 30 minutes. */
  clock: Clock;
  /** Real time, for the request rate limits. */
  realClock: Clock;
  publicUrl: string;
  /** Ends every session of the person once his password changed. */
  endSessions: (userId: string) => Promise<number>;
  /** Lifts a lockout on his username: he proved he owns the mailbox. */
  resetLockout: (username: string) => Promise<void>;
}

/**
 * "Ho smarrito la password" (seed 003 §1.1): name, surname and codice fiscale. When they match a
 * person with a password and an e-mail, a single-use link valid 30 minutes goes out through the
 * outbox. The caller answers the same whether or not anything matched.
 */
export async function requestPasswordReset(
  deps: PasswordResetDeps,
  input: { givenName: string; familyName: string; fiscalCode: string },
  actor: AuditActor,
): Promise<void> {
  const real = deps.realClock.now();
  const [byIp, byPerson] = await Promise.all([
    deps.limiter.hit(`password-reset:ip:${actor.ip}`, 3600, real),
    deps.limiter.hit(`password-reset:cf:${input.fiscalCode}`, 3600, real),
  ]);
  const busiest = byIp.hits > REQUESTS_PER_IP_PER_HOUR ? byIp : byPerson.hits > REQUESTS_PER_PERSON_PER_HOUR ? byPerson : null;
  if (busiest) {
    throw new TooManyRequests(`Troppe richieste di recupero della password. Riprova tra ${Math.ceil(busiest.retryAfterSeconds / 60)} minuti.`, busiest.retryAfterSeconds);
  }

  const person = await new PeopleRepository(deps.db).findByFiscalCode(input.fiscalCode);
  const matches =
    person?.password_hash &&
    person.email &&
    foldName(person.given_name) === foldName(input.givenName) &&
    foldName(person.family_name) === foldName(input.familyName);
  if (!person || !matches) return;

  const secret = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const db = trx as Kysely<PasswordResetTables>;
    // A newer link replaces the older ones.
    await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', person.id).where('used_at', 'is', null).execute();
    const reset = await db
      .insertInto('password_resets')
      .values({
        id: crypto.randomUUID(),
        user_id: person.id,
        secret_hash: sha256(secret),
        created_at: now,
        expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
        used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueNotification(trx, {
      channel: 'email',
      recipient: person.email!,
      template: 'password-reset',
      data: {
        name: `${person.given_name} ${person.family_name}`,
        link: `${deps.publicUrl}/reimposta-password?token=${reset.id}.${secret}`,
        expiresInMinutes: RESET_LINK_MINUTES,
      },
      idempotencyKey: `password-reset:${reset.id}`,
    });
    await recordAudit(trx, actor, { action: 'password.reset.request', subject: { type: 'user', id: person.id }, personFiscalCode: person.fiscal_code });
  });
}

const LINK_ERRORS = {
  invalid: ['reset_link_invalid', 'Il collegamento non è valido: richiedi un nuovo collegamento da "Ho smarrito la password".'],
  expired: ['reset_link_expired', `Il collegamento è scaduto (vale ${RESET_LINK_MINUTES} minuti): richiedine uno nuovo da "Ho smarrito la password".`],
  used: ['reset_link_used', 'Il collegamento è già stato usato o è stato sostituito da uno più recente: richiedine uno nuovo se serve.'],
} as const;

function linkError(kind: keyof typeof LINK_ERRORS) {
  const [code, message] = LINK_ERRORS[kind];
  return new AppError(410, code, message);
}

/** The link's row when it is well formed, unused and unexpired; otherwise a 410 saying which. */
export async function checkResetLink(deps: Pick<PasswordResetDeps, 'db' | 'clock'>, token: string) {
  const [id, secret] = token.split('.');
  if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw linkError('invalid');
  const db = deps.db as Kysely<PasswordResetTables>;
  const reset = await db.selectFrom('password_resets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!reset || !timingSafeEqual(reset.secret_hash, sha256(secret))) throw linkError('invalid');
  if (reset.used_at) throw linkError('used');
  if (reset.expires_at <= deps.clock.now()) throw linkError('expired');
  return reset;
}

/** Sets the new password through a valid link, once; every session of the person ends. */
export async function resetPassword(
  deps: PasswordResetDeps,
  input: { token: string; password: string; passwordConfirmation: string },
  actor: AuditActor,
): Promise<void> {
  const reset = await checkResetLink(deps, input.token);
  const people = new PeopleRepository(deps.db);
  const person = (await people.findById(reset.user_id))!;
  const problems = passwordProblems(input.password, [person.given_name, person.family_name, person.username, person.fiscal_code]);
  if (problems.length > 0) throw new ValidationFailed({ password: problems.join(' ') }, 'La nuova password non rispetta i requisiti.');
  if (input.password !== input.passwordConfirmation) {
    throw new ValidationFailed({ passwordConfirmation: 'Le due password non coincidono.' });
  }
  const hash = await hashSecret(input.password);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const db = trx as Kysely<PasswordResetTables>;
    // The guard makes two concurrent uses of one link set the password once.
    const used = await db.updateTable('password_resets').set({ used_at: now }).where('id', '=', reset.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw linkError('used');
    await new PeopleRepository(trx).setPasswordHash(person.id, hash, now);
    await recordAudit(trx, { ...actor, userId: actor.userId ?? person.id }, { action: 'password.reset', subject: { type: 'user', id: person.id }, personFiscalCode: person.fiscal_code });
  });
  await deps.endSessions(person.id);
  if (person.username) await deps.resetLockout(person.username);
}
