import type { ChannelAdapter, Delivery } from './channels.js';
import { PermanentDeliveryError } from './channels.js';
import type { OutboxRow } from './notifications.tables.js';
import { renderTemplate, TemplateError } from './templates/index.js';

/**
 * An SMS provider. `idempotencyKey` is the outbox key: the provider (or the adapter, with the
 * provider's client reference field) must drop a second message with the same key.
 */
export interface SmsGateway {
  send(message: { to: string; text: string; idempotencyKey: string }): Promise<{ providerId: string }>;
}

/** Until a real provider is configured: every SMS fails, visibly, after the usual retries. */
export const unconfiguredSmsGateway: SmsGateway = {
  send: async () => {
    throw new Error('Nessun gateway SMS configurato');
  },
};

/** SMS through the configured gateway, text from the template. */
export class SmsChannel implements ChannelAdapter {
  constructor(private readonly gateway: SmsGateway) {}

  async deliver(message: OutboxRow): Promise<Delivery> {
    let text: string;
    try {
      ({ text } = renderTemplate(message.template, 'sms', message.data));
    } catch (error) {
      if (error instanceof TemplateError) throw new PermanentDeliveryError(error.message);
      throw error;
    }
    return this.gateway.send({ to: message.recipient, text, idempotencyKey: message.idempotency_key });
  }
}
