/**
 * Notifications (SPEC §1.4): e-mail, SMS and the web app's bell, through an outbox.
 *
 * Other modules call `enqueueNotification(trx, { channel, recipient, template, data, idempotencyKey })`
 * inside the transaction of the change the message announces; the worker delivers it after commit,
 * with retries, once. Glossary: notifica = notification, posta = e-mail, casella dimostrativa = demo inbox.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../platform/db/database.js';
import { listenerFor } from '../../platform/db/pg-listener.js';
import type { Clock } from '../clock/clock.js';
import { DemoInboxRepository } from './demo/demo-inbox.repository.js';
import { demoInboxRoutes } from './demo/demo-inbox.routes.js';
import { DemoSmsGateway } from './demo/demo-sms.gateway.js';
import { HttpSmsGateway } from './http-sms.gateway.js';
import { EmailChannel } from './email.channel.js';
import { InAppChannel } from './in-app.channel.js';
import { NotificationHub } from './notification-hub.js';
import { notificationsRoutes } from './notifications.routes.js';
import { NotificationWorker, type WorkerLog, type WorkerOptions } from './notifications.worker.js';
import { SmsChannel, type SmsGateway, unconfiguredSmsGateway } from './sms.channel.js';
import { UserNotificationsRepository } from './user-notifications.repository.js';

export { enqueueNotification, InvalidNotification, type NotificationMessage, notificationStatement, toE164 } from './outbox.js';
export type { Channel, OutboxStatus } from './notifications.tables.js';
export type { TemplateChannel, TemplateData, TemplateName } from './templates/index.js';
export type { SmsGateway } from './sms.channel.js';
export { NotificationWorker, type WorkerLog, type WorkerOptions } from './notifications.worker.js';
export type { DemoMailServer } from './demo/demo-mail-server.js';

/** The demo mailbox's SMTP server; its parser and server (~40 MB) load only in demo mode, when it starts. */
export async function startDemoMailServer(...args: Parameters<typeof import('./demo/demo-mail-server.js').startDemoMailServer>) {
  const { startDemoMailServer: start } = await import('./demo/demo-mail-server.js');
  return start(...args);
}

export interface NotificationWorkerDeps {
  config: Pick<Config, 'demo' | 'smtp' | 'sms'>;
  database: Database;
  /** Real time (leases, backoff), not the simulated date. */
  clock: Clock;
  /** The SMS provider; in demo mode the demo gateway, which keeps messages in demo_sms. */
  smsGateway?: SmsGateway;
  log?: WorkerLog;
  options?: Partial<WorkerOptions>;
}

/** The outbox worker with its channels; call start() and, on shutdown, stop(). */
export function createNotificationWorker(deps: NotificationWorkerDeps): NotificationWorker {
  const db = deps.database.kysely;
  const sms =
    deps.smsGateway ??
    (deps.config.sms ? new HttpSmsGateway(deps.config.sms) : deps.config.demo ? new DemoSmsGateway(db) : unconfiguredSmsGateway);
  return new NotificationWorker({
    db,
    clock: deps.clock,
    listener: listenerFor(deps.database.pool),
    log: deps.log,
    options: deps.options,
    channels: {
      email: new EmailChannel({ smtpUrl: deps.config.smtp.url, from: deps.config.smtp.from }),
      sms: new SmsChannel(sms),
      in_app: new InAppChannel(db, deps.clock),
    },
  });
}

export interface NotificationRoutesDeps {
  database: Database;
  clock: Clock;
  /** Read-only check of a stream's session (see notifications.routes.ts). */
  isSessionLive(sessionIdHash: Buffer): Promise<boolean>;
  /** Also the demo inbox (/demo/inbox, /api/demo/inbox): demo and test mode only. */
  demo: boolean;
}

/** The bell's API and live stream, and in demo mode the demo inbox. */
export function notificationsPlugin(deps: NotificationRoutesDeps) {
  return async (app: FastifyInstance) => {
    const db = deps.database.kysely;
    const repository = new UserNotificationsRepository(db);
    const hub = new NotificationHub(listenerFor(deps.database.pool), repository);
    app.addHook('onClose', () => hub.close());
    await app.register(notificationsRoutes({ repository, hub, clock: deps.clock, isSessionLive: deps.isSessionLive }));
    if (deps.demo) await app.register(demoInboxRoutes(new DemoInboxRepository(db)));
  };
}
