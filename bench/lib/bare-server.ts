/**
 * The baselines: bare Fastify routes doing one indexed SELECT each, in a process set up like
 * app-server.ts (same node, same pg pool and type parsers, logger off), with no session, access
 * guard, audit or anything else. Prints {"ready": port} when listening.
 */
import Fastify from 'fastify';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { BENCH_DATABASE_URL } from './bench-database.js';

const port = Number(process.env.PORT);
const database = openDatabase(BENCH_DATABASE_URL);
const app = Fastify({ logger: false });
app.get<{ Querystring: { fiscalCode?: string } }>('/bare/search', async (request, reply) => {
  const { rows } = await database.pool.query('SELECT * FROM vouchers WHERE beneficiary_fiscal_code = $1', [request.query.fiscalCode ?? '']);
  if (!rows[0]) return reply.status(404).send({ detail: 'Nessun voucher trovato per il beneficiario.' });
  return { voucher: rows[0] };
});
// The help-desk baseline: the first page of one agency's queue, newest first, the columns the queue shows.
app.get<{ Querystring: { structureId?: string } }>('/bare/helpdesk-queue', async (request) => {
  const { rows } = await database.pool.query(
    `SELECT id, number, created_at, status_changed_at, status, service_code, category_code, given_name, family_name, fiscal_code,
            agency_structure_id, assignee_user_id
       FROM helpdesk_requests WHERE queue_structure_id = $1 ORDER BY created_at DESC, id DESC LIMIT 25`,
    [request.query.structureId ?? '00000000-0000-0000-0000-000000000000'],
  );
  return { items: rows };
});
await app.listen({ port, host: '127.0.0.1' });
console.log(JSON.stringify({ ready: port }));
process.on('SIGTERM', () => {
  setTimeout(() => process.exit(0), 2000).unref();
  void app.close().finally(() => database.close().finally(() => process.exit(0)));
});
