import type { Kysely } from 'kysely';
import type { DemoInboxTables } from '../notifications.tables.js';

/** SQL only: the demo mailbox and SMS log, newest first, optionally for one recipient. */
export class DemoInboxRepository {
  constructor(private readonly db: Kysely<DemoInboxTables>) {}

  listEmails(options: { to?: string; limit: number }) {
    let q = this.db.selectFrom('demo_mailbox').selectAll();
    if (options.to) q = q.where((eb) => eb(eb.val(options.to!.trim().toLowerCase()), '=', eb.fn.any('to_addresses')));
    return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  }

  findEmail(id: string) {
    return this.db.selectFrom('demo_mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listSms(options: { to?: string; limit: number }) {
    let q = this.db.selectFrom('demo_sms').selectAll();
    if (options.to) q = q.where('to_number', '=', options.to.replace(/\s+/g, ''));
    return q.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  }
}

/** The addresses a message links to: its HTML's hrefs, then any URL in its text. */
export function linksOf(email: { html: string | null; text: string | null }): string[] {
  const links = new Set<string>();
  for (const m of (email.html ?? '').matchAll(/href\s*=\s*"([^"]*)"/gi)) {
    links.add(m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  for (const m of (email.text ?? '').matchAll(/https?:\/\/[^\s<>"']+/g)) links.add(m[0]);
  return [...links];
}
