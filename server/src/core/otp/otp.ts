import { createHash, createHmac, randomInt } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import { AppError, TooManyRequests } from '../../platform/http/errors.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { Clock } from '../clock/clock.js';
import { enqueueNotification } from '../notifications/index.js';

export interface OtpTables {
  otp_challenges: {
    id: string;
    purpose: string;
    operation_digest: string;
    phone: string;
    code_hash: string;
    created_at: Date;
    expires_at: Date;
    attempts: number;
    status: 'active' | 'confirmed' | 'void' | 'exhausted';
    requested_by: string | null;
    structure_id: string | null;
    confirmed_at: Date | null;
  };
}

/** SPEC §1.3: valid 180 seconds, 5 wrong attempts, then void. */
export const OTP_VALIDITY_SECONDS = 180;
export const OTP_MAX_ATTEMPTS = 5;
/** Codes per phone number and per operator, per quarter of an hour. */
export const OTP_SENDS_PER_PHONE = 5;
export const OTP_SENDS_PER_OPERATOR = 30;
const SEND_WINDOW_SECONDS = 15 * 60;

/**
 * What a code confirms: its purpose and every field that makes the operation what it is
 * (beneficiary, amount in cents, merchant...). Any difference at verification refuses the code.
 */
export interface OtpOperation {
  purpose: string;
  /** Stable fields of the operation; key order does not matter. */
  fields: Record<string, string | number | boolean | null>;
  /** Completes "Il codice per confermare …" in the SMS, e.g. "l'acquisto di 25,00 € presso Farmacia Centrale". */
  description: string;
}

export function operationDigest(operation: OtpOperation): string {
  const canonical = JSON.stringify([operation.purpose, Object.entries(operation.fields).sort(([a], [b]) => a.localeCompare(b))]);
  return createHash('sha256').update(canonical).digest('hex');
}

const ERRORS = {
  otp_invalid: [422, 'Codice non corretto.'],
  otp_expired: [410, 'Il codice è scaduto: invia un nuovo codice.'],
  otp_exhausted: [410, 'Troppi tentativi errati: il codice non è più valido. Invia un nuovo codice.'],
  otp_void: [410, 'Questo codice è stato sostituito da uno più recente: usa l’ultimo codice ricevuto.'],
  otp_used: [409, 'Il codice è già stato usato: l’operazione risulta già confermata.'],
  otp_not_found: [404, 'Codice non trovato: invia un nuovo codice.'],
} as const;
export type OtpErrorCode = keyof typeof ERRORS;

export class OtpRefused extends AppError {
  constructor(
    code: OtpErrorCode,
    readonly attemptsLeft?: number,
  ) {
    const [status, message] = ERRORS[code];
    const detail = code === 'otp_invalid' && attemptsLeft !== undefined ? `${message} Tentativi rimasti: ${attemptsLeft}.` : message;
    super(status, code, detail, { code: detail });
  }
}

export interface OtpDeps {
  db: AnyDb;
  clock: Clock;
  /** Real time for the sending rate limits. */
  realClock: Clock;
  limiter: RateLimiter;
  /** Keys the code's HMAC, so a database dump does not give the codes away. */
  secret: string;
  /** Codes per phone and per operator per quarter of an hour; only benchmarks raise them (buildApp refuses it in production). */
  sendLimits?: { perPhone: number; perOperator: number };
}

/**
 * The OTP confirmation service every module calls: `send` a code for an operation (by SMS through
 * the outbox, in the caller's transaction when given), then `confirm` it inside the transaction
 * that performs the operation, so that a code confirms one operation, once.
 */
export class OtpService {
  constructor(private readonly deps: OtpDeps) {}

  private hash(challengeId: string, code: string): string {
    return createHmac('sha256', this.deps.secret).update(`${challengeId}:${code}`).digest('hex');
  }

  /**
   * "Salva e invia OTP" and "Invia un nuovo codice": voids the operation's live code and sends a new one.
   * Returns the challenge to quote at confirmation and the seconds it lives.
   */
  async send(
    operation: OtpOperation,
    to: { phone: string; requestedBy: string; structureId: string | null },
    db: AnyDb = this.deps.db,
  ): Promise<{ challengeId: string; expiresInSeconds: number }> {
    const real = this.deps.realClock.now();
    const [byPhone, byOperator] = await Promise.all([
      this.deps.limiter.hit(`otp:phone:${to.phone}`, SEND_WINDOW_SECONDS, real),
      this.deps.limiter.hit(`otp:operator:${to.requestedBy}`, SEND_WINDOW_SECONDS, real),
    ]);
    const limits = this.deps.sendLimits ?? { perPhone: OTP_SENDS_PER_PHONE, perOperator: OTP_SENDS_PER_OPERATOR };
    const busy = byPhone.hits > limits.perPhone ? byPhone : byOperator.hits > limits.perOperator ? byOperator : null;
    if (busy) {
      throw new TooManyRequests(`Troppi codici richiesti: riprova tra ${Math.ceil(busy.retryAfterSeconds / 60)} minuti.`, busy.retryAfterSeconds);
    }

    const digest = operationDigest(operation);
    const now = this.deps.clock.now();
    const id = crypto.randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const send = async (trx: AnyDb) => {
      const kysely = trx as Kysely<OtpTables>;
      await kysely.updateTable('otp_challenges').set({ status: 'void' }).where('operation_digest', '=', digest).where('status', '=', 'active').execute();
      await kysely
        .insertInto('otp_challenges')
        .values({
          id,
          purpose: operation.purpose,
          operation_digest: digest,
          phone: to.phone,
          code_hash: this.hash(id, code),
          created_at: now,
          expires_at: new Date(now.getTime() + OTP_VALIDITY_SECONDS * 1000),
          attempts: 0,
          status: 'active',
          requested_by: to.requestedBy,
          structure_id: to.structureId,
          confirmed_at: null,
        })
        .execute();
      await enqueueNotification(trx, {
        channel: 'sms',
        recipient: to.phone,
        template: 'otp-code',
        data: { code, operation: operation.description, expiresInMinutes: OTP_VALIDITY_SECONDS / 60 },
        idempotencyKey: `otp:${id}`,
      });
    };
    if (db.isTransaction) await send(db);
    else await db.transaction().execute(send);
    return { challengeId: id, expiresInSeconds: OTP_VALIDITY_SECONDS };
  }

  /**
   * "Verifica Codice". Call it inside the transaction that performs the operation: the code is
   * consumed only if that transaction commits. A wrong code is counted at once, outside it, so
   * rolling back the operation does not give the attempt back.
   */
  async confirm(trx: AnyDb, challengeId: string, code: string, operation: OtpOperation): Promise<void> {
    const consume = this.consumeStatement(challengeId, code, operation);
    if (!consume) throw new OtpRefused('otp_not_found');
    const { rows } = await consume.execute(trx);
    if (rows.length === 1) return;
    return this.refuse(challengeId);
  }

  /**
   * The conditional UPDATE that consumes the live code of `operation`, for a caller that performs
   * its operation in the same statement (as a CTE, `RETURNING id` when consumed; add its own
   * guard with `onlyIf`): one round trip for a hot path such as a purchase's confirmation.
   * Null when the challenge id cannot be one. When nothing was consumed, call `refuse`.
   */
  consumeStatement(challengeId: string, code: string, operation: OtpOperation, onlyIf: RawBuilder<unknown> = sql`true`): RawBuilder<{ id: string }> | null {
    if (!/^[0-9a-f-]{36}$/.test(challengeId)) return null;
    const now = this.deps.clock.now();
    const hash = this.hash(challengeId, /^\d{6}$/.test(code) ? code : '------');
    return sql<{ id: string }>`
      UPDATE otp_challenges SET status = 'confirmed', confirmed_at = ${now}
       WHERE id = ${challengeId} AND status = 'active' AND expires_at > ${now} AND attempts < ${OTP_MAX_ATTEMPTS}
         AND operation_digest = ${operationDigest(operation)} AND code_hash = ${hash} AND (${onlyIf})
      RETURNING id`;
  }

  /** Why a code was not consumed: counts a wrong attempt on a live code (outside any transaction) and throws. */
  async refuse(challengeId: string): Promise<never> {
    if (!/^[0-9a-f-]{36}$/.test(challengeId)) throw new OtpRefused('otp_not_found');
    const now = this.deps.clock.now();
    // Refused: find out why, counting a wrong attempt on a live code outside the caller's transaction.
    const db = this.deps.db as Kysely<OtpTables>;
    const challenge = await db.selectFrom('otp_challenges').selectAll().where('id', '=', challengeId).executeTakeFirst();
    if (!challenge) throw new OtpRefused('otp_not_found');
    if (challenge.status === 'confirmed') throw new OtpRefused('otp_used');
    if (challenge.status === 'void') throw new OtpRefused('otp_void');
    if (challenge.status === 'exhausted') throw new OtpRefused('otp_exhausted');
    if (challenge.expires_at <= now) throw new OtpRefused('otp_expired');
    const counted = await db
      .updateTable('otp_challenges')
      .set({
        attempts: sql`attempts + 1`,
        status: sql`CASE WHEN attempts + 1 >= ${OTP_MAX_ATTEMPTS} THEN 'exhausted' ELSE status END`,
      })
      .where('id', '=', challengeId)
      .where('status', '=', 'active')
      .returning(['attempts', 'status'])
      .executeTakeFirst();
    if (!counted) throw new OtpRefused('otp_used'); // confirmed concurrently
    if (counted.status === 'exhausted') throw new OtpRefused('otp_exhausted');
    // A code for another operation is refused like a wrong one: nothing tells which part differed.
    throw new OtpRefused('otp_invalid', OTP_MAX_ATTEMPTS - counted.attempts);
  }
}
