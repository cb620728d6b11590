import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { structureOf } from '../../../core/identity/access.js';
import { movementsQuery } from '../movements.routes.js';
import { VOUCHER_SERVICE, type VouchersRoutesDeps } from '../vouchers.routes.js';
import type { VoucherTables } from '../vouchers.tables.js';
import { EXPORT_MEDIA_TYPES, type ExportFormat, exportMovements } from './export-movements.js';
import type { MovementFilters } from './movement-batches.js';

const access = { service: VOUCHER_SERVICE };

const withoutPaging = (query: unknown) => {
  if (typeof query !== 'object' || query === null) return query;
  const { page: _page, pageSize: _pageSize, ...rest } = query as Record<string, unknown>;
  return rest;
};

/**
 * The listing's filters with the listing's own schema and messages (`movementsQuery`: period of
 * Rome days and/or codice fiscale), no paging — an export has every row — and the format.
 */
export const exportMovementsQuery = z
  .preprocess(
    withoutPaging,
    z.intersection(movementsQuery, z.object({ format: z.enum(['csv', 'xlsx'], 'Formato non valido: scegli csv o xlsx.').default('csv') })),
  )
  .transform(({ from, to, fiscalCode, format }) => ({ format: format as ExportFormat, filters: { from, to, fiscalCode } as MovementFilters }));

/** movimenti-<from>-<to>.csv, or movimenti-<codice fiscale>.csv for a beneficiary without a period. */
export function exportFileName(filters: MovementFilters, format: ExportFormat): string {
  const name = filters.from !== undefined && filters.to !== undefined ? `${filters.from}-${filters.to}` : (filters.fiscalCode ?? 'elenco');
  return `movimenti-${name}.${format}`;
}

/** "Esporta movimenti": the current merchant's movements, streamed as CSV or XLSX; audited. */
export function movementsExportRoutes(deps: VouchersRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/vouchers/movements/export',
      {
        config: { access },
        schema: {
          tags: ['voucher'],
          summary: 'Esporta movimenti (CSV o XLSX, in streaming)',
          querystring: exportMovementsQuery,
        },
      },
      async (request, reply) => {
        const { structure } = structureOf(request);
        const { format, filters } = request.query;
        const actor = actorOf(request);
        const audited = { format, from: filters.from ?? null, to: filters.to ?? null, fiscalCode: filters.fiscalCode ?? null };
        const subject = { type: 'voucher_movements', id: structure.id };
        // Written before the first byte leaves: an export cut short still leaves its trace.
        await recordAudit(db, actor, { action: 'voucher.movements.export', subject, personFiscalCode: filters.fiscalCode, after: audited });

        const body = exportMovements(db, { merchantId: structure.id, filters, format, created: deps.clock.now() }, (outcome) => {
          if (outcome.error && !outcome.error.message.includes('Premature close')) {
            request.log.error({ err: outcome.error }, 'movements export failed');
          }
          recordAudit(db, actor, {
            action: 'voucher.movements.export.end',
            subject,
            personFiscalCode: filters.fiscalCode,
            after: { ...audited, rows: outcome.rows, completed: outcome.completed },
          }).catch((error) => request.log.error({ err: error }, 'audit of the movements export failed'));
        });
        return reply
          .header('content-type', EXPORT_MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="${exportFileName(filters, format)}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  };
}
