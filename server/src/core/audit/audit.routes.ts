import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { AuditTables } from './audit.js';

const query = z
  .object({
    person: z.string().trim().toUpperCase().max(16).optional(),
    structureId: z.string().uuid('Struttura non valida.').optional(),
    action: z.string().trim().max(60).optional(),
    from: z.iso.date({ message: 'Data iniziale non valida.' }).optional(),
    to: z.iso.date({ message: 'Data finale non valida.' }).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'La data iniziale non può seguire quella finale.', path: ['to'] });

const tags = ['registro attività'];

/** The administrator's search of the audit log: by person, structure, action and period (Rome days). */
export function auditRoutes(db: Kysely<AuditTables>) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/admin/audit', { config: { access: 'admin' }, schema: { tags, summary: 'Ricerca nel registro delle attività', querystring: query } }, async (request) => {
      const q = request.query;
      let base = db.selectFrom('audit_log');
      if (q.person) base = base.where('person_fiscal_code', '=', q.person);
      if (q.structureId) base = base.where('structure_id', '=', q.structureId);
      if (q.action) base = base.where('action', '=', q.action);
      // "From 01/04 to 30/04" means Rome's midnights, not UTC's.
      if (q.from) base = base.where(sql<boolean>`occurred_at >= (${q.from}::date::timestamp AT TIME ZONE 'Europe/Rome')`);
      if (q.to) base = base.where(sql<boolean>`occurred_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`);
      const [items, count] = await Promise.all([
        base.selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n), page: q.page, pageSize: q.pageSize };
    });

    app.get('/api/admin/audit/actions', { config: { access: 'admin' }, schema: { tags, summary: 'Le azioni presenti nel registro' } }, async () => {
      const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map((r) => r.action);
    });
  };
}
