import type { Kysely } from 'kysely';
import type { DemoInboxTables } from '../notifications.tables.js';
import type { SmsGateway } from '../sms.channel.js';

/** Demo and test mode only: "sends" an SMS by keeping it in `demo_sms`, once per idempotency key. */
export class DemoSmsGateway implements SmsGateway {
  constructor(private readonly db: Kysely<DemoInboxTables>) {}

  async send(message: { to: string; text: string; idempotencyKey: string }): Promise<{ providerId: string }> {
    const inserted = await this.db
      .insertInto('demo_sms')
      .values({ idempotency_key: message.idempotencyKey, to_number: message.to, text: message.text })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    const row =
      inserted ??
      (await this.db.selectFrom('demo_sms').select('id').where('idempotency_key', '=', message.idempotencyKey).executeTakeFirstOrThrow());
    return { providerId: `demo-sms:${row.id}` };
  }
}
