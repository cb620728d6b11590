import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PURCHASE_RECEIPT_POLICY } from '../../core/documents/index.js';
import { structureOf } from '../../core/identity/access.js';
import { NotFound } from '../../platform/http/errors.js';
import { receiptVisible } from './movement-actions.js';
import { VOUCHER_SERVICE, type VouchersRoutesDeps } from './vouchers.routes.js';
import type { VoucherTables } from './vouchers.tables.js';

const access = { service: VOUCHER_SERVICE };
const tags = ['voucher'];

/**
 * The scontrino of a purchase (seed 000 §05–06): uploaded before "Salva e invia OTP", then attached
 * to the purchase; shown from the actions menu. The file belongs to the merchant structure.
 */
export function receiptsRoutes(deps: VouchersRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/vouchers/:voucherId/receipts',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Allega lo scontrino di un acquisto (JPEG, PNG o PDF, al massimo 5 MB; multipart, campo "file")',
          consumes: ['multipart/form-data'],
          params: z.object({ voucherId: z.string().uuid('Voucher non valido.') }),
        },
      },
      async (request, reply) => {
        const { structure } = structureOf(request);
        const voucher = await db
          .selectFrom('vouchers as v')
          .innerJoin('voucher_program_merchants as pm', (join) => join.onRef('pm.program_id', '=', 'v.program_id').on('pm.merchant_structure_id', '=', structure.id))
          .select('v.id')
          .where('v.id', '=', request.params.voucherId)
          .executeTakeFirst();
        if (!voucher) throw new NotFound('Voucher non trovato.');
        const receipt = await deps.documents.upload(request, PURCHASE_RECEIPT_POLICY, { structureId: structure.id });
        return reply.status(201).send({ id: receipt.id, name: receipt.originalName, mediaType: receipt.mediaType, sizeBytes: receipt.sizeBytes });
      },
    );

    app.get(
      '/api/vouchers/purchases/:movementId/receipt',
      {
        config: { access },
        schema: { tags, summary: 'Visualizza lo scontrino di un acquisto', params: z.object({ movementId: z.string().uuid('Movimento non valido.') }) },
      },
      async (request, reply) => {
        const { structure } = structureOf(request);
        const purchase = await db
          .selectFrom('voucher_movements')
          .select(['receipt_document_id', 'status', 'created_at'])
          .where('id', '=', request.params.movementId)
          .where('merchant_structure_id', '=', structure.id)
          .where('kind', '=', 'acquisto')
          .executeTakeFirst();
        if (!purchase?.receipt_document_id || !receiptVisible({ status: purchase.status, createdAt: purchase.created_at }, deps.clock.now())) {
          throw new NotFound('Scontrino non disponibile.');
        }
        return deps.documents.download(request, purchase.receipt_document_id, reply, { inline: true });
      },
    );
  };
}
