/**
 * The search baseline: a bare Fastify route doing one indexed SELECT on the vouchers table, in a
 * process set up like app-server.ts (same node, same pg pool and type parsers, logger off), with
 * no session, access guard, audit or movements. Prints {"ready": port} when listening.
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
await app.listen({ port, host: '127.0.0.1' });
console.log(JSON.stringify({ ready: port }));
process.on('SIGTERM', () => {
  setTimeout(() => process.exit(0), 2000).unref();
  void app.close().finally(() => database.close().finally(() => process.exit(0)));
});
