/**
 * A worker process for the crash test (notifications.worker.test.ts): it delivers one batch of
 * e-mail for real, says so on stdout, then hangs before recording the delivery, until the test
 * kills it with SIGKILL. Env: DATABASE_URL, SMTP_URL, CLOCK_NOW (ISO).
 */
import { ManualClock } from '../clock/clock.js';
import { openDatabase } from '../../platform/db/database.js';
import type { ChannelAdapter } from './channels.js';
import { EmailChannel } from './email.channel.js';
import { NotificationWorker } from './notifications.worker.js';

const database = openDatabase(process.env.DATABASE_URL!, 2);
const email = new EmailChannel({ smtpUrl: process.env.SMTP_URL!, from: 'Sportello <noreply@sportello.localhost>' });
const unused: ChannelAdapter = { deliver: () => Promise.reject(new Error('not in this test')) };
const worker = new NotificationWorker({
  db: database.kysely,
  clock: new ManualClock(new Date(process.env.CLOCK_NOW!)),
  channels: {
    email: {
      async deliver(message) {
        await email.deliver(message);
        process.stdout.write(`DELIVERED ${message.id}\n`);
        return new Promise<never>(() => {}); // dies here: sent, never recorded as sent
      },
    },
    sms: unused,
    in_app: unused,
  },
});
void worker.runOnce();
