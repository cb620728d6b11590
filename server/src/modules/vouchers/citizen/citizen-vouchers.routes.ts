import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { principalOf } from '../../../core/identity/access.js';
import { structuresByIds } from '../../../core/organisations/index.js';
import { NotFound } from '../../../platform/http/errors.js';
import { romeDate } from '../../../shared/dates.js';
import { receiptVisible } from '../movement-actions.js';
import { movementCode } from '../movement-code.js';
import { voucherState } from '../voucher-state.js';
import type { VouchersRoutesDeps } from '../vouchers.routes.js';
import { CitizenVouchersRepository, type OwnVoucherRow } from './citizen-vouchers.repository.js';

/** Any signed-in person; what he gets is scoped to his own codice fiscale. */
const access = 'user';
const tags = ['voucher (cittadino)'];
const NOT_FOUND = 'Voucher non trovato.';

const voucherParams = z.object({ voucherId: z.string().uuid('Voucher non valido.') });
const receiptParams = voucherParams.extend({ movementId: z.string().uuid('Movimento non valido.') });
const pageQuery = z.object({
  page: z.coerce.number({ error: 'Pagina non valida.' }).int('Pagina non valida.').min(1, 'Pagina non valida.').default(1),
  pageSize: z.coerce
    .number({ error: 'Dimensione della pagina non valida.' })
    .int('Dimensione della pagina non valida.')
    .min(1, 'Dimensione della pagina non valida.')
    .max(100, 'Al massimo 100 movimenti per pagina.')
    .default(10),
});

function toVoucher(v: OwnVoucherRow, today: string) {
  const initialCents = Number(v.initial_cents);
  const availableCents = Number(v.available_cents);
  return {
    id: v.id,
    code: v.code,
    programName: v.program_name,
    initialCents,
    usedCents: initialCents - availableCents,
    availableCents,
    activationDate: v.activation_date,
    expiryDate: v.expiry_date,
    state: voucherState(v, today),
  };
}

/**
 * "I miei voucher" (SPEC §2, ours): after SPID/CIE login a beneficiary sees his vouchers, their
 * balance and their movements at every merchant, and the receipts of his purchases. Matched by the
 * codice fiscale of the signed-in person only: another person's voucher answers like a missing one.
 * Every view of a voucher is recorded in the audit log.
 */
export function citizenVouchersRoutes(deps: VouchersRoutesDeps) {
  const vouchers = new CitizenVouchersRepository(deps.db);

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/me/vouchers/summary',
      { config: { access }, schema: { tags, summary: 'Quanti voucher ha la persona collegata (per la pagina iniziale)' } },
      async (request) => {
        const fiscalCode = principalOf(request).user.fiscalCode;
        return { count: fiscalCode ? await vouchers.countByFiscalCode(fiscalCode) : 0 };
      },
    );

    app.get('/api/me/vouchers', { config: { access }, schema: { tags, summary: 'I miei voucher' } }, async (request) => {
      const fiscalCode = principalOf(request).user.fiscalCode;
      const today = romeDate(deps.clock.now());
      const rows = fiscalCode ? await vouchers.listByFiscalCode(fiscalCode) : [];
      if (fiscalCode) {
        await recordAudit(deps.db, actorOf(request), {
          action: 'voucher.list',
          subject: { type: 'person' },
          personFiscalCode: fiscalCode,
          after: { voucherIds: rows.map((v) => v.id) },
        });
      }
      return { today, items: rows.map((v) => toVoucher(v, today)) };
    });

    app.get(
      '/api/me/vouchers/:voucherId',
      { config: { access }, schema: { tags, summary: 'Un mio voucher e i suoi movimenti presso tutti gli esercenti', params: voucherParams, querystring: pageQuery } },
      async (request) => {
        const fiscalCode = principalOf(request).user.fiscalCode;
        const voucher = fiscalCode ? await vouchers.findOwn(request.params.voucherId, fiscalCode) : undefined;
        if (!voucher) throw new NotFound(NOT_FOUND);
        const { page, pageSize } = request.query;
        const now = deps.clock.now();
        const today = romeDate(now);
        const { rows, total } = await vouchers.movementsPage(voucher.id, page, pageSize);
        const merchants = await structuresByIds(deps.db, rows.map((m) => m.merchant_structure_id));
        await recordAudit(deps.db, actorOf(request), {
          action: 'voucher.view',
          subject: { type: 'voucher', id: voucher.id },
          personFiscalCode: voucher.beneficiary_fiscal_code,
          after: { page },
        });
        return {
          today,
          voucher: toVoucher(voucher, today),
          movements: {
            items: rows.map((m) => ({
              id: m.id,
              code: movementCode(m.id),
              createdAt: m.created_at.toISOString(),
              merchantName: merchants.get(m.merchant_structure_id)?.name ?? null,
              kind: m.kind,
              status: m.status,
              amountCents: Number(m.amount_cents),
              hasReceipt: m.kind === 'acquisto' && m.receipt_document_id !== null && receiptVisible({ status: m.status, createdAt: m.created_at }, now),
            })),
            total,
            page,
            pageSize,
          },
        };
      },
    );

    app.get(
      '/api/me/vouchers/:voucherId/movements/:movementId/receipt',
      { config: { access }, schema: { tags, summary: 'Lo scontrino di un mio acquisto', params: receiptParams } },
      async (request, reply) => {
        const fiscalCode = principalOf(request).user.fiscalCode;
        const { voucherId, movementId } = request.params;
        const purchase = fiscalCode ? await vouchers.findOwnPurchase(voucherId, movementId, fiscalCode) : undefined;
        if (!purchase?.receipt_document_id || !receiptVisible({ status: purchase.status, createdAt: purchase.created_at }, deps.clock.now())) {
          throw new NotFound('Scontrino non disponibile.');
        }
        // The receipt belongs to the merchant structure: the purchase on his own voucher is what lets him see it.
        return deps.documents.sendAuthorised(request, purchase.receipt_document_id, reply, { inline: true, personFiscalCode: purchase.beneficiary_fiscal_code });
      },
    );
  };
}
