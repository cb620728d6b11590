import { request } from 'node:http';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { listenerFor } from '../../platform/db/pg-listener.js';
import type { Principal } from '../identity/principal.js';
import { NotificationHub } from './notification-hub.js';
import { notificationsRoutes } from './notifications.routes.js';
import { enqueueNotification } from './outbox.js';
import { UserNotificationsRepository } from './user-notifications.repository.js';

/** The bell's API and its live stream, for the signed-in user only; the demo inbox page. */
let t: TestApp;
let francesca: HttpClient;
let chiara: HttpClient;
let francescaId: string;
let chiaraId: string;

beforeAll(async () => {
  t = await startTestApp();
  francesca = new HttpClient(t.baseUrl);
  chiara = new HttpClient(t.baseUrl);
  await francesca.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
  await chiara.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
  const idOf = async (fiscalCode: string) =>
    (await t.database.kysely.selectFrom('users').select('id').where('fiscal_code', '=', fiscalCode).executeTakeFirstOrThrow()).id as string;
  francescaId = await idOf(DEMO_PEOPLE.merchantOperator.fiscalCode);
  chiaraId = await idOf(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
});
afterAll(() => t.close());

const notify = (userId: string, key: string, title: string, link?: string) =>
  enqueueNotification(t.database.kysely, { channel: 'in_app', recipient: userId, template: 'in-app', data: { title, body: `Dettagli: ${title}`, link }, idempotencyKey: key });

async function delivered(key: string) {
  for (let i = 0; i < 200; i++) {
    const row = await t.database.kysely.selectFrom('outbox_messages').select('status').where('idempotency_key', '=', key).executeTakeFirst();
    if (row?.status === 'sent') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${key} not delivered`);
}

/** An EventSource without a browser: reads the stream and splits it into events. */
async function openStream(client: HttpClient) {
  const controller = new AbortController();
  const response = await fetch(`${t.baseUrl}/api/notifications/stream`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: { event: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  const reader = response.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: data ? JSON.parse(data) : undefined });
          for (const w of waiters.splice(0)) w();
        }
      }
    } catch {
      // aborted
    }
  })();
  const next = async (predicate: (e: { event: string; data: unknown }) => boolean, ms = 10_000) => {
    const until = Date.now() + ms;
    for (;;) {
      const found = events.find(predicate);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no such event in ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { response, events, next, close: () => controller.abort() };
}

describe('the notifications stream', () => {
  it("brings a signed-in user his own notifications live, and nobody else's", async () => {
    const stream = await openStream(francesca);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
      await stream.next((e) => e.event === 'ready');

      await notify(chiaraId, 'sse-other', 'Per Chiara soltanto');
      await delivered('sse-other');
      await notify(francescaId, 'sse-own', 'Istanza approvata', '/istanze/1');
      const { data } = await stream.next((e) => e.event === 'notification');
      expect(data).toMatchObject({ title: 'Istanza approvata', body: 'Dettagli: Istanza approvata', link: '/istanze/1', readAt: null });
      expect(JSON.stringify(stream.events)).not.toContain('Chiara');
    } finally {
      stream.close();
    }
  });

  it('refuses anonymous callers and plain requests that do not accept an event stream', async () => {
    const anonymous = await fetch(`${t.baseUrl}/api/notifications/stream`, { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
    const plain = await francesca.api('GET', '/api/notifications/stream');
    expect(plain.status).toBe(406);
  });
});

describe('a stream on its own (heartbeat shortened)', () => {
  it('sends heartbeats, ends when the session ends, and forgets a client that went away', async () => {
    const repository = new UserNotificationsRepository(t.database.kysely);
    const hub = new NotificationHub(listenerFor(t.database.pool), repository);
    let live = true;
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      request.principal = { user: { id: francescaId }, sessionIdHash: Buffer.alloc(32) } as Principal;
    });
    await app.register(notificationsRoutes({ repository, hub, clock: t.clock, isSessionLive: async () => live, heartbeatMs: 100 }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const read = async (reader: ReadableStreamDefaultReader<Uint8Array>, until: (text: string) => boolean) => {
        let text = '';
        while (!until(text)) {
          const { done, value } = await reader.read();
          if (done) return { text, ended: true };
          text += new TextDecoder().decode(value);
        }
        return { text, ended: false };
      };
      const first = (await fetch(`${base}/api/notifications/stream`, { headers: { accept: 'text/event-stream' } })).body!.getReader();
      const beat = await read(first, (text) => text.includes(': ping'));
      expect(beat.text).toMatch(/^retry: 5000\n\nevent: ready\n/);
      expect(hub.streamCount).toBe(1);
      live = false; // signed out, expired or idle: the next heartbeat ends the stream
      expect((await read(first, () => false)).ended).toBe(true);
      expect(hub.streamCount).toBe(0);
      live = true;
      // A browser tab closing: the TCP connection goes away.
      const second = request(`${base}/api/notifications/stream`, { headers: { accept: 'text/event-stream' } });
      second.end();
      await new Promise<void>((resolve) => second.on('response', (res) => res.once('data', () => resolve())));
      expect(hub.streamCount).toBe(1);
      second.destroy();
      for (let i = 0; i < 50 && hub.streamCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(hub.streamCount).toBe(0);
    } finally {
      await app.close();
      await hub.close();
    }
  });
});

describe('the notifications API', () => {
  it('lists the latest with the unread count, marks one or all read, only for their owner', async () => {
    await notify(francescaId, 'api-1', 'Prima');
    await notify(francescaId, 'api-2', 'Seconda');
    await notify(chiaraId, 'api-chiara', 'Di Chiara');
    await Promise.all(['api-1', 'api-2', 'api-chiara'].map(delivered));

    const list = await francesca.api('GET', '/api/notifications');
    expect(list.status).toBe(200);
    const titles = list.body.items.map((n: { title: string }) => n.title);
    expect(titles).toEqual(expect.arrayContaining(['Prima', 'Seconda', 'Istanza approvata']));
    expect(titles).not.toContain('Di Chiara');
    expect(list.body.unread).toBe(list.body.items.length);

    const chiaras = (await chiara.api('GET', '/api/notifications')).body.items;
    const hers = chiaras.find((n: { title: string }) => n.title === 'Di Chiara');
    // Another user's notification answers exactly like a missing one, and stays unread.
    const foreign = await francesca.api('POST', `/api/notifications/${hers.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.detail).toMatch(/non trovata/);
    expect((await francesca.api('POST', '/api/notifications/00000000-0000-4000-8000-000000000000/read')).status).toBe(404);
    expect((await chiara.api('GET', '/api/notifications')).body.unread).toBe(chiaras.length);

    const first = list.body.items.find((n: { title: string }) => n.title === 'Prima');
    expect((await francesca.api('POST', `/api/notifications/${first.id}/read`)).status).toBe(204);
    const after = (await francesca.api('GET', '/api/notifications')).body;
    expect(after.unread).toBe(list.body.unread - 1);
    expect(after.items.find((n: { id: string }) => n.id === first.id).readAt).not.toBeNull();

    expect((await francesca.api('POST', '/api/notifications/read-all')).status).toBe(204);
    expect((await francesca.api('GET', '/api/notifications')).body.unread).toBe(0);
    expect((await chiara.api('GET', '/api/notifications')).body.unread).toBe(chiaras.length);
  });

  it('tells his open streams that something was read, so other tabs refresh their counter', async () => {
    await notify(francescaId, 'api-3', 'Terza');
    await delivered('api-3');
    const stream = await openStream(francesca);
    try {
      await stream.next((e) => e.event === 'ready');
      await francesca.api('POST', '/api/notifications/read-all');
      await stream.next((e) => e.event === 'changed');
    } finally {
      stream.close();
    }
  });
});

describe('the demo inbox', () => {
  it('shows e-mail and SMS as an accessible Italian page, e-mail opened with its links clickable', async () => {
    await enqueueNotification(t.database.kysely, {
      channel: 'email',
      recipient: 'giovanni.ferrari@example.it',
      template: 'password-reset',
      data: { name: 'Giovanni <Ferrari>', link: 'https://sportello.example.it/reimposta-password?token=abc' },
      idempotencyKey: 'inbox-page-1',
    });
    await enqueueNotification(t.database.kysely, {
      channel: 'sms',
      recipient: '+393331000012',
      template: 'otp-code',
      data: { code: '246135', operation: "l'acquisto di 10,00 €" },
      idempotencyKey: 'inbox-page-2',
    });
    await Promise.all(['inbox-page-1', 'inbox-page-2'].map(delivered));

    const page = await fetch(`${t.baseUrl}/demo/inbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Sportello: imposta una nuova password');
    expect(html).toContain('246135');
    const href = /href="(\/demo\/inbox\/email\/[^"]+)"/.exec(html)![1]!;

    const opened = await (await fetch(`${t.baseUrl}${href}`)).text();
    expect(opened).toContain('<a href="https://sportello.example.it/reimposta-password?token=abc">');
    expect(opened).toMatch(/<iframe title="[^"]+" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="/);
    expect(opened).not.toContain('Giovanni <Ferrari>');
    expect((await fetch(`${t.baseUrl}/demo/inbox/email/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

    const json = await (await fetch(`${t.baseUrl}/api/demo/inbox?to=%2B393331000012`)).json();
    expect(json.sms).toEqual([expect.objectContaining({ to: '+393331000012', text: expect.stringContaining('246135') })]);
    expect(json.emails).toEqual([]);
  });

  it('does not exist when demo mode is off', async () => {
    const production = await startTestApp({
      env: { DEMO: 'false', OIDC_SPID_ISSUER: 'https://spid.example.it', OIDC_CIE_ISSUER: 'https://cie.example.it' },
    });
    try {
      expect(production.app.hasRoute({ method: 'GET', url: '/demo/inbox' })).toBe(false);
      expect(production.routes.some((r) => r.url.startsWith('/api/demo/'))).toBe(false);
      expect((await fetch(`${production.baseUrl}/demo/inbox`)).status).toBe(404);
      expect((await fetch(`${production.baseUrl}/api/demo/inbox`)).status).toBe(404);
      expect(production.mailServer).toBeNull();
    } finally {
      await production.close();
    }
  });
});
