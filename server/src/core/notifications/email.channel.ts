import { createTransport } from 'nodemailer';
import type { ChannelAdapter, Delivery } from './channels.js';
import { PermanentDeliveryError } from './channels.js';
import type { OutboxRow } from './notifications.tables.js';
import { renderTemplate, TemplateError } from './templates/index.js';

export interface EmailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 */
  smtpUrl: string;
  /** "Sportello <noreply@example.it>" */
  from: string;
}

/**
 * The Message-ID carrying the outbox idempotency key: `<key@sportello>`. Characters a Message-ID may
 * not hold are %-escaped, so two different keys never give the same id.
 */
export function messageIdFor(idempotencyKey: string): string {
  const local = Array.from(new TextEncoder().encode(idempotencyKey), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9_-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  return `<${local}@sportello>`;
}

/** E-mail over SMTP (nodemailer, a small pool of connections). */
export class EmailChannel implements ChannelAdapter {
  private readonly transport;

  constructor(private readonly settings: EmailSettings) {
    this.transport = createTransport({
      url: settings.smtpUrl,
      pool: true,
      maxConnections: 3,
      // Well inside the worker's lease: a hung server must not outlive it.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async deliver(message: OutboxRow): Promise<Delivery> {
    let content;
    try {
      content = renderTemplate(message.template, 'email', message.data);
    } catch (error) {
      if (error instanceof TemplateError) throw new PermanentDeliveryError(error.message);
      throw error;
    }
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to: message.recipient,
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId: messageIdFor(message.idempotency_key),
      });
      return { providerId: String(info.messageId) };
    } catch (error) {
      // The server refused the recipient for good (5xx on RCPT TO): retrying will not change its mind.
      const e = error as { code?: string; responseCode?: number; message?: string };
      if (e.code === 'EENVELOPE' && (e.responseCode ?? 0) >= 500) throw new PermanentDeliveryError(e.message ?? 'Recipient refused');
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}
