import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock.js';
import { RateLimiter } from '../../platform/rate-limit.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type OtpOperation, OtpService } from './otp.js';

let db: TestDatabase;
let clock: ManualClock;
let otp: OtpService;
const operator = crypto.randomUUID();
const purchase = (amountCents: number): OtpOperation => ({
  purpose: 'voucher.purchase',
  fields: { voucherId: 'V-1', merchantId: 'M-1', amountCents },
  description: "l'acquisto di 25,00 € presso Farmacia Centrale",
});

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
beforeEach(async () => {
  await db.pool.query('DELETE FROM rate_limits');
  clock = new ManualClock(new Date('2027-04-15T08:00:00Z'));
  otp = new OtpService({ db: db.kysely, clock, realClock: clock, limiter: new RateLimiter(db.pool), secret: 'x'.repeat(40) });
});

/** The code as the beneficiary reads it in the SMS, from the outbox. */
async function smsCode(challengeId: string): Promise<string> {
  const { rows } = await db.pool.query("SELECT data->>'code' AS code, recipient FROM outbox_messages WHERE idempotency_key = $1", [`otp:${challengeId}`]);
  return rows[0].code;
}

const confirm = (challengeId: string, code: string, operation = purchase(2500)) =>
  db.kysely.transaction().execute((trx) => otp.confirm(trx, challengeId, code, operation));

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('OTP confirmation', () => {
  it('sends 6 digits by SMS, keeps only a hash, and confirms the operation once', async () => {
    const { challengeId, expiresInSeconds } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    expect(expiresInSeconds).toBe(180);
    const code = await smsCode(challengeId);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await db.pool.query('SELECT code_hash FROM otp_challenges WHERE id = $1', [challengeId]);
    expect(stored.rows[0].code_hash).not.toContain(code);
    const sms = await db.pool.query("SELECT recipient, channel FROM outbox_messages WHERE idempotency_key = $1", [`otp:${challengeId}`]);
    expect(sms.rows[0]).toEqual({ recipient: '+393331000012', channel: 'sms' });

    await confirm(challengeId, code);
    await expect(confirm(challengeId, code)).rejects.toMatchObject({ code: 'otp_used' });
  });

  it('expires when the clock moves past 180 seconds', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const code = await smsCode(challengeId);
    clock.advance(181_000);
    await expect(confirm(challengeId, code)).rejects.toMatchObject({ code: 'otp_expired', status: 410 });
  });

  it('is still good at 179 seconds', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    clock.advance(179_000);
    await confirm(challengeId, await smsCode(challengeId));
  });

  it('is void after 5 wrong codes, even the right one after', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const code = await smsCode(challengeId);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(await confirm(challengeId, wrong(code)).catch((e) => `${e.code}:${e.attemptsLeft ?? ''}`) as string);
    expect(answers).toEqual(['otp_invalid:4', 'otp_invalid:3', 'otp_invalid:2', 'otp_invalid:1', 'otp_exhausted:']);
    await expect(confirm(challengeId, code)).rejects.toMatchObject({ code: 'otp_exhausted' });
  });

  it('counts a wrong attempt even when the operation’s transaction rolls back', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const code = await smsCode(challengeId);
    await confirm(challengeId, wrong(code)).catch(() => {});
    const { rows } = await db.pool.query('SELECT attempts FROM otp_challenges WHERE id = $1', [challengeId]);
    expect(rows[0].attempts).toBe(1);
  });

  it('does not confirm another operation, nor the same with another amount', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const code = await smsCode(challengeId);
    await expect(confirm(challengeId, code, purchase(9900))).rejects.toMatchObject({ code: 'otp_invalid' });
    await expect(confirm(challengeId, code, { ...purchase(2500), purpose: 'voucher.cancellation' })).rejects.toMatchObject({ code: 'otp_invalid' });
    await confirm(challengeId, code); // the right one still works (2 attempts were counted)
  });

  it('gives the attempt back to nobody: a confirmed code rolls back with its operation', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const code = await smsCode(challengeId);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await otp.confirm(trx, challengeId, code, purchase(2500));
        throw new Error('the purchase failed');
      }),
    ).rejects.toThrow('the purchase failed');
    await confirm(challengeId, code); // still usable: the operation never happened
  });

  it('voids the previous code when a new one is sent', async () => {
    const first = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const second = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    await expect(confirm(first.challengeId, await smsCode(first.challengeId))).rejects.toMatchObject({ code: 'otp_void' });
    await confirm(second.challengeId, await smsCode(second.challengeId));
  });

  it('refuses a flood of codes to one number, and per operator', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(await otp.send(purchase(100 + i), { phone: '+393339999999', requestedBy: crypto.randomUUID(), structureId: null }).then(() => 'sent', (e) => e.code));
    }
    expect(statuses).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'too_many_requests']);
    const busyOperator = crypto.randomUUID();
    const results: string[] = [];
    for (let i = 0; i < 31; i++) {
      results.push(await otp.send(purchase(i), { phone: `+3933310${String(i).padStart(5, '0')}`, requestedBy: busyOperator, structureId: null }).then(() => 'sent', (e) => e.code));
    }
    expect(results.filter((r) => r === 'sent')).toHaveLength(30);
    expect(results[30]).toBe('too_many_requests');
  });

  it('lets exactly one of two concurrent confirmations through', async () => {
    const { challengeId } = await otp.send(purchase(2500), { phone: '+393331000012', requestedBy: operator, structureId: null });
    const code = await smsCode(challengeId);
    const results = await Promise.allSettled([confirm(challengeId, code), confirm(challengeId, code)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'otp_used' } });
  });
});
