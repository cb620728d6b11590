import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { freePort } from '../../../test/global-setup.js';
import { ManualClock } from '../clock/clock.js';
import { DemoSmsGateway } from './demo/demo-sms.gateway.js';
import { type DemoMailServer, startDemoMailServer } from './demo/demo-mail-server.js';
import { EmailChannel, messageIdFor } from './email.channel.js';
import { InAppChannel } from './in-app.channel.js';
import { enqueueNotification } from './outbox.js';
import { NotificationWorker, type WorkerOptions } from './notifications.worker.js';
import { SmsChannel } from './sms.channel.js';

/**
 * The worker against a real PostgreSQL and a real SMTP server (the demo one), with a clock the
 * test moves: retries, backoff, failure, SMS dedupe, and a worker killed between send and record.
 */
let db: TestDatabase;
let mail: DemoMailServer;
let clock: ManualClock;
const workers: NotificationWorker[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  mail = await startDemoMailServer(db.kysely, { port: await freePort() });
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await mail.close();
  await db.drop();
});
beforeEach(() => {
  clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
});

function newWorker(smtpUrl = mail.url, options: Partial<WorkerOptions> = {}) {
  const worker = new NotificationWorker({
    db: db.kysely,
    clock,
    options,
    channels: {
      email: new EmailChannel({ smtpUrl, from: 'Sportello <noreply@sportello.localhost>' }),
      sms: new SmsChannel(new DemoSmsGateway(db.kysely)),
      in_app: new InAppChannel(db.kysely, clock),
    },
  });
  workers.push(worker);
  return worker;
}

async function resetMail(recipient: string, key: string) {
  await enqueueNotification(db.kysely, {
    channel: 'email',
    recipient,
    template: 'password-reset',
    data: { name: 'Francesca Gallo', link: `https://sportello.example.it/reimposta-password?token=${key}` },
    idempotencyKey: key,
  });
}

const message = (key: string) => db.kysely.selectFrom('outbox_messages').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
const mailbox = (key: string) => db.kysely.selectFrom('demo_mailbox').selectAll().where('message_id', '=', messageIdFor(key)).execute();

describe('the outbox worker', () => {
  it('delivers an e-mail over SMTP with the idempotency key as Message-ID, and records it sent', async () => {
    await resetMail('francesca.gallo@example.it', 'w-basic');
    expect(await newWorker().runOnce()).toBe(1);
    const row = await message('w-basic');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, provider_id: messageIdFor('w-basic'), locked_until: null, last_error: null });
    expect(row.sent_at).toEqual(clock.now());
    const [received, ...more] = await mailbox('w-basic');
    expect(more).toEqual([]);
    expect(received).toMatchObject({ to_addresses: ['francesca.gallo@example.it'], subject: 'Sportello: imposta una nuova password' });
    expect(received!.text).toContain('https://sportello.example.it/reimposta-password?token=w-basic');
  });

  it('retries with exponential backoff while SMTP is down, and delivers once it is back', async () => {
    const port = await freePort(); // nobody listens there yet
    const worker = newWorker(`smtp://127.0.0.1:${port}`);
    await resetMail('anna.esposito@example.it', 'w-retry');

    expect(await worker.runOnce()).toBe(1);
    let row = await message('w-retry');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(row.next_attempt_at).toEqual(new Date(clock.now().getTime() + 30_000));

    expect(await worker.runOnce()).toBe(0); // not due yet
    clock.advance(30_000);
    expect(await worker.runOnce()).toBe(1);
    row = await message('w-retry');
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.next_attempt_at).toEqual(new Date(clock.now().getTime() + 60_000)); // doubled

    const late = await startDemoMailServer(db.kysely, { port });
    try {
      clock.advance(60_000);
      expect(await worker.runOnce()).toBe(1);
      expect(await message('w-retry')).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
      expect(await mailbox('w-retry')).toHaveLength(1);
    } finally {
      await late.close();
    }
  });

  it("gives up after the last attempt: 'failed', with the last error", async () => {
    const worker = newWorker(`smtp://127.0.0.1:${await freePort()}`, { maxAttempts: 8 });
    await resetMail('luca.romano@example.it', 'w-fail');
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await worker.runOnce(), `attempt ${attempt}`).toBe(1);
      const row = await message('w-fail');
      if (row.status === 'pending') {
        const wait = row.next_attempt_at!.getTime() - clock.now().getTime();
        waits.push(wait / 1000);
        clock.advance(wait);
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    const row = await message('w-fail');
    expect(row).toMatchObject({ status: 'failed', attempts: 8, locked_until: null });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    clock.advance(24 * 3600_000);
    expect(await worker.runOnce()).toBe(0);
  });

  it('sends SMS through the demo gateway, deduplicated by idempotency key', async () => {
    const otp = { channel: 'sms', recipient: '+393331000007', template: 'otp-code', data: { code: '482913', operation: "l'acquisto di 25,00 €" }, idempotencyKey: 'otp:w-sms' } as const;
    expect(await enqueueNotification(db.kysely, otp)).toBe(true);
    expect(await enqueueNotification(db.kysely, otp)).toBe(false); // same key: one message
    expect(await newWorker().runOnce()).toBe(1);
    const row = await message('otp:w-sms');
    expect(row.status).toBe('sent');

    // The gateway itself drops a second delivery of the same key (a worker that died after sending).
    const gateway = new DemoSmsGateway(db.kysely);
    const again = await gateway.send({ to: '+393331000007', text: 'altro testo', idempotencyKey: 'otp:w-sms' });
    expect(again.providerId).toBe(row.provider_id);
    const sms = await db.kysely.selectFrom('demo_sms').selectAll().where('idempotency_key', '=', 'otp:w-sms').execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to_number: '+393331000007', text: "Il codice per confermare l'acquisto di 25,00 € è 482913. Scade tra 3 minuti." });
  });

  it("fails at once what can never be delivered (an unknown user), without retrying", async () => {
    await enqueueNotification(db.kysely, {
      channel: 'in_app',
      recipient: '00000000-0000-4000-8000-000000000000',
      template: 'in-app',
      data: { title: 'Per nessuno' },
      idempotencyKey: 'w-nobody',
    });
    expect(await newWorker().runOnce()).toBe(1);
    expect(await message('w-nobody')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('a worker killed (SIGKILL) after sending and before recording it: the message is taken again once its lease expires, and arrives exactly once', { timeout: 60_000 }, async () => {
    await resetMail('mario.rossi@example.it', 'w-crash');
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-worker.fixture.ts', import.meta.url))], {
      env: { ...process.env, DATABASE_URL: db.url, SMTP_URL: mail.url, CLOCK_NOW: clock.now().toISOString() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('DELIVERED') && resolve());
      child.on('exit', () => reject(new Error(`the crash worker exited early: ${stderr}`)));
    });

    // Sent, but the worker never said so: the row is still 'sending', under the dead worker's lease.
    expect(await mailbox('w-crash')).toHaveLength(1);
    const taken = await message('w-crash');
    expect(taken).toMatchObject({ status: 'sending', attempts: 1 });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const next = newWorker();
    expect(await next.runOnce()).toBe(0); // the lease still holds
    clock.set(new Date(taken.locked_until!.getTime() + 1000));
    expect(await next.runOnce()).toBe(1);

    expect(await message('w-crash')).toMatchObject({ status: 'sent', attempts: 2, provider_id: messageIdFor('w-crash') });
    expect(await mailbox('w-crash')).toHaveLength(1);
  });
});
