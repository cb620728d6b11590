import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { enqueueNotification, InvalidNotification } from './outbox.js';

/** The outbox as a module uses it: inside its own transaction, delivered by the app's worker. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface InboxEmail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  links: string[];
}

async function inboxFor(to: string): Promise<{ emails: InboxEmail[]; sms: unknown[] }> {
  const response = await fetch(`${t.baseUrl}/api/demo/inbox?to=${encodeURIComponent(to)}`);
  expect(response.status).toBe(200);
  return response.json();
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const reset = (key: string, recipient: string) =>
  ({
    channel: 'email',
    recipient,
    template: 'password-reset',
    data: { name: 'Laura Russo', link: `${'https://sportello.example.it'}/reimposta-password?token=${key}` },
    idempotencyKey: key,
  }) as const;

describe('enqueueNotification', () => {
  it('queues nothing when the transaction of the change rolls back', async () => {
    await expect(
      t.database.kysely.transaction().execute(async (trx) => {
        await enqueueNotification(trx, reset('rollback-1', 'laura.russo@example.it'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const row = await t.database.kysely.selectFrom('outbox_messages').select('id').where('idempotency_key', '=', 'rollback-1').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('delivers a committed one through the worker to the demo mailbox, with a clickable link', async () => {
    await t.database.kysely.transaction().execute(async (trx) => {
      expect(await enqueueNotification(trx, reset('commit-1', 'laura.russo@example.it'))).toBe(true);
    });
    const email = await waitFor(async () => (await inboxFor('laura.russo@example.it')).emails[0], 'the e-mail');
    expect(email).toMatchObject({ to: ['laura.russo@example.it'], subject: 'Sportello: imposta una nuova password', messageId: '<commit-1@sportello>' });
    expect(email.text).toContain('Gentile Laura Russo,');
    expect(email.text).toContain('30 minuti');
    expect(email.links).toContain('https://sportello.example.it/reimposta-password?token=commit-1');
    expect(email.html).toContain('<a href="https://sportello.example.it/reimposta-password?token=commit-1"');
    const row = await t.database.kysely.selectFrom('outbox_messages').selectAll().where('idempotency_key', '=', 'commit-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('queues the same event once, however often it is enqueued', async () => {
    expect(await enqueueNotification(t.database.kysely, reset('twice-1', 'paolo.colombo@example.it'))).toBe(true);
    expect(await enqueueNotification(t.database.kysely, reset('twice-1', 'paolo.colombo@example.it'))).toBe(false);
    await waitFor(async () => (await inboxFor('paolo.colombo@example.it')).emails[0], 'the e-mail');
    await t.worker.drain();
    expect((await inboxFor('paolo.colombo@example.it')).emails).toHaveLength(1);
  });

  it('refuses, in the caller’s transaction, a message that could never be delivered', async () => {
    const bad = [
      { ...reset('bad-1', 'not-an-address'), recipient: 'not-an-address' },
      { ...reset('bad-2', 'a@example.it'), data: { link: 'javascript:alert(1)' } },
      { channel: 'sms', recipient: '3331000007', template: 'otp-code', data: { code: '123456', operation: 'x' }, idempotencyKey: 'bad-3' },
      { channel: 'in_app', recipient: 'mario', template: 'in-app', data: { title: 'x' }, idempotencyKey: 'bad-4' },
    ] as const;
    for (const message of bad) {
      await expect(enqueueNotification(t.database.kysely, message as never), message.idempotencyKey).rejects.toThrow(InvalidNotification);
    }
  });
});
