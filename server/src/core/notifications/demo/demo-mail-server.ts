import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DemoInboxTables } from '../notifications.tables.js';

export interface DemoMailServer {
  port: number;
  /** What SMTP_URL points at. */
  url: string;
  close(): Promise<void>;
}

/**
 * Demo and test mode only: an SMTP server on the loopback interface that keeps every message it
 * receives in `demo_mailbox`. Like a provider it drops a message whose Message-ID it already holds:
 * the outbox's idempotency key travels in that header.
 */
export async function startDemoMailServer(db: Kysely<DemoInboxTables>, options: { port: number; host?: string }): Promise<DemoMailServer> {
  const host = options.host ?? '127.0.0.1';
  const server = new SMTPServer({
    name: 'sportello-demo-smtp',
    banner: 'Sportello, casella di posta dimostrativa',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 10 * 1024 * 1024,
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
          const mailFrom = session.envelope.mailFrom;
          await db
            .insertInto('demo_mailbox')
            .values({
              message_id: mail.messageId ?? `<${randomUUID()}@demo-smtp>`,
              from_address: mail.from?.text ?? (mailFrom ? mailFrom.address : ''),
              to_addresses: to,
              subject: mail.subject ?? '',
              text: mail.text ?? null,
              html: typeof mail.html === 'string' ? mail.html : null,
            })
            .onConflict((oc) => oc.column('message_id').doNothing())
            .execute();
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  server.on('error', () => {}); // a client's broken connection is not ours to report

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
