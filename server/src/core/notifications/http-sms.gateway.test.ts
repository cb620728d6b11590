import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentDeliveryError } from './channels.js';
import { HttpSmsGateway } from './http-sms.gateway.js';

/** A provider following the contract: dedupes on Idempotency-Key, refuses bad numbers, fails on demand. */
const received: { headers: IncomingMessage['headers']; body: Record<string, string> }[] = [];
const byKey = new Map<string, string>();
let failNext = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const body = JSON.parse(raw);
    if (request.headers.authorization !== 'Bearer segreto') return response.writeHead(401).end('{"error":"unauthorized"}');
    if (failNext > 0) {
      failNext--;
      return response.writeHead(503).end('{"error":"busy"}');
    }
    if (!/^\+\d{8,15}$/.test(body.to)) return response.writeHead(422).end('{"error":"invalid number"}');
    const key = String(request.headers['idempotency-key']);
    if (!byKey.has(key)) {
      byKey.set(key, `sms-${byKey.size + 1}`);
      received.push({ headers: request.headers, body });
    }
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: byKey.get(key) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP SMS gateway', () => {
  it('sends with the outbox key as idempotency key, so a redelivery reaches the phone once', async () => {
    const gateway = new HttpSmsGateway({ url, token: 'segreto', sender: 'Sportello' });
    const message = { to: '+393331000012', text: 'Il codice per confermare … è 123456.', idempotencyKey: 'otp:abc' };
    const first = await gateway.send(message);
    const again = await gateway.send(message);
    expect(again.providerId).toBe(first.providerId);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toEqual({ to: '+393331000012', text: message.text, sender: 'Sportello', clientReference: 'otp:abc' });
  });

  it('makes a refused number final and a provider outage retryable', async () => {
    const gateway = new HttpSmsGateway({ url, token: 'segreto', sender: 'Sportello' });
    await expect(gateway.send({ to: '12', text: 'x', idempotencyKey: 'k1' })).rejects.toBeInstanceOf(PermanentDeliveryError);
    failNext = 1;
    const outage = await gateway.send({ to: '+393331000013', text: 'x', idempotencyKey: 'k2' }).catch((e) => e);
    expect(outage).toBeInstanceOf(Error);
    expect(outage).not.toBeInstanceOf(PermanentDeliveryError);
    expect((await gateway.send({ to: '+393331000013', text: 'x', idempotencyKey: 'k2' })).providerId).toMatch(/^sms-/);
  });
});
