import { PermanentDeliveryError } from './channels.js';
import type { SmsGateway } from './sms.channel.js';

export interface HttpSmsGatewayConfig {
  /** The provider's (or the region's SMS hub's) endpoint that accepts one message per POST. */
  url: string;
  token: string;
  /** Alphanumeric sender shown on the phone, e.g. "Sportello". */
  sender: string;
  timeoutMs?: number;
}

/**
 * A real SMS provider behind one HTTP endpoint, chosen by configuration (SMS_GATEWAY_URL, _TOKEN,
 * _SENDER). Contract: POST JSON { to, text, sender, clientReference } with `Authorization: Bearer`
 * and `Idempotency-Key` set to the outbox key — the provider drops a repeat of a key — answering
 * 2xx with JSON { id }. A 4xx other than 408/429 is final (the number or the text was refused);
 * anything else is retried by the worker. A provider with another API gets an adapter like this one.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly config: HttpSmsGatewayConfig) {}

  async send(message: { to: string; text: string; idempotencyKey: string }): Promise<{ providerId: string }> {
    const response = await fetch(this.config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.config.token}`,
        'idempotency-key': message.idempotencyKey,
      },
      body: JSON.stringify({ to: message.to, text: message.text, sender: this.config.sender, clientReference: message.idempotencyKey }),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    const body = await response.text();
    if (response.ok) {
      let id: unknown;
      try {
        id = (JSON.parse(body) as { id?: unknown }).id;
      } catch {
        id = undefined;
      }
      if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`SMS gateway answered ${response.status} without an id`);
      return { providerId: String(id) };
    }
    const detail = `SMS gateway answered ${response.status}: ${body.slice(0, 200)}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw new PermanentDeliveryError(detail);
    }
    throw new Error(detail);
  }
}
