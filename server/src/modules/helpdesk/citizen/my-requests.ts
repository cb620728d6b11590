import { type Kysely, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { citizenStatus, REQUEST_STATUSES, type RequestStatus } from '../request-status.js';

export interface MyRequestItem {
  id: string;
  number: number;
  service: string;
  category: string;
  status: RequestStatus;
  statusLabel: string;
  createdAt: string;
  /** The last change he can see: a status change or a public message. */
  updatedAt: string;
}

/** The signed-in citizen's own requests (filed signed in), newest first. */
export async function listMyRequests(db: AnyDb, userId: string, page: number, pageSize: number) {
  const kysely = db as Kysely<HelpdeskTables>;
  const mine = kysely.selectFrom('helpdesk_requests as r').where('r.citizen_user_id', '=', userId);
  const [{ total }, rows] = await Promise.all([
    mine.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    mine
      .innerJoin('helpdesk_services as s', 's.code', 'r.service_code')
      .innerJoin('helpdesk_categories as c', 'c.code', 'r.category_code')
      .select([
        'r.id',
        'r.number',
        's.label as service',
        'c.label as category',
        'r.status',
        'r.created_at',
        sql<Date>`greatest(r.status_changed_at, (select max(n.created_at) from helpdesk_notes n where n.request_id = r.id and n.audience = 'citizen'))`.as('updated_at'),
      ])
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const items: MyRequestItem[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    service: r.service,
    category: r.category,
    status: citizenStatus(r.status),
    statusLabel: REQUEST_STATUSES[citizenStatus(r.status)].label,
    createdAt: r.created_at.toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
  return { items, total: Number(total), page, pageSize };
}
