import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { structureOf } from '../../core/identity/access.js';
import type { VouchersRoutesDeps } from './vouchers.routes.js';
import { VOUCHER_SERVICE } from './vouchers.routes.js';
import type { VoucherTables } from './vouchers.tables.js';
import { movementCode } from './movement-code.js';
import { fiscalCodeSchema } from '../../core/organisations/fiscal-code.schema.js';

const access = { service: VOUCHER_SERVICE };
const tags = ['voucher'];

/** The longest period of one listing, in days between "dal" and "al". */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** A calendar day "YYYY-MM-DD" that exists, as its UTC midnight in ms (only to count days). */
function dayNumber(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : null;
}

const day = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => dayNumber(value) !== null, `La data ${label} non è valida (AAAA-MM-GG).`);

export const movementsQuery = z
  .object({
    from: day('di inizio').optional(),
    to: day('di fine').optional(),
    fiscalCode: fiscalCodeSchema.optional(),
    page: z.coerce.number({ error: 'Pagina non valida.' }).int('Pagina non valida.').min(1, 'Pagina non valida.').default(1),
    pageSize: z.coerce
      .number({ error: 'Dimensione della pagina non valida.' })
      .int('Dimensione della pagina non valida.')
      .min(1, 'Dimensione della pagina non valida.')
      .max(100, 'Al massimo 100 movimenti per pagina.')
      .default(25),
  })
  .superRefine((q, ctx) => {
    if (q.fiscalCode === undefined || q.from !== undefined || q.to !== undefined) {
      if (q.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Indica la data di inizio del periodo.' });
      if (q.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Indica la data di fine del periodo.' });
    }
    const from = q.from === undefined ? null : dayNumber(q.from);
    const to = q.to === undefined ? null : dayNumber(q.to);
    if (from === null || to === null) return;
    if (from > to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La data di fine non può precedere la data di inizio.' });
    } else if ((to - from) / DAY_MS > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `Il periodo può essere al massimo di ${MAX_PERIOD_DAYS} giorni.` });
    }
  });

export { movementCode } from './movement-code.js';

/** "Elenco Movimenti": the current merchant's movements, by period (Rome days) and/or beneficiary. */
export function movementsRoutes(deps: VouchersRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/vouchers/movements',
      {
        config: { access },
        schema: { tags, summary: 'Elenco Movimenti', querystring: movementsQuery },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { from, to, fiscalCode, page, pageSize } = request.query;

        let base = db
          .selectFrom('voucher_movements as m')
          .innerJoin('vouchers as v', 'v.id', 'm.voucher_id')
          .where('m.merchant_structure_id', '=', structure.id);
        if (from !== undefined) {
          base = base.where('m.created_at', '>=', sql<Date>`(${from}::date::timestamp AT TIME ZONE 'Europe/Rome')`);
        }
        if (to !== undefined) {
          base = base.where('m.created_at', '<', sql<Date>`((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`);
        }
        if (fiscalCode !== undefined) base = base.where('v.beneficiary_fiscal_code', '=', fiscalCode);

        const [{ total }, rows] = await Promise.all([
          base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
          base
            .select(['m.id', 'm.created_at', 'm.kind', 'm.status', 'm.amount_cents', 'v.code as voucher_code', 'v.beneficiary_fiscal_code'])
            .orderBy('m.created_at', 'desc')
            .orderBy('m.id', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
        ]);

        return {
          items: rows.map((m) => ({
            id: m.id,
            createdAt: m.created_at.toISOString(),
            code: movementCode(m.id),
            voucherCode: m.voucher_code,
            beneficiaryFiscalCode: m.beneficiary_fiscal_code,
            kind: m.kind,
            status: m.status,
            amountCents: Number(m.amount_cents),
          })),
          total: Number(total),
          page,
          pageSize,
        };
      },
    );
  };
}
