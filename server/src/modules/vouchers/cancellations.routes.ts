import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, recordAudit } from '../../core/audit/audit.js';
import { structureOf } from '../../core/identity/access.js';
import { enqueueNotification } from '../../core/notifications/index.js';
import type { OtpOperation } from '../../core/otp/otp.js';
import type { AnyDb } from '../../platform/db/database.js';
import { romeDate } from '../../shared/dates.js';
import { formatEuro } from '../../shared/money.js';
import { cancelPurchase, checkCancellable } from './purchases.js';
import { VOUCHER_SERVICE, type VouchersRoutesDeps } from './vouchers.routes.js';
import type { VoucherTables } from './vouchers.tables.js';

const access = { service: VOUCHER_SERVICE };
const tags = ['voucher'];
const movementParams = z.object({ movementId: z.string().uuid('Movimento non valido.') });

/** The OTP operation of a cancellation: this purchase, this merchant, this amount. */
function cancellationOperation(p: { purchaseId: string; merchantId: string; merchantName: string; amountCents: number }): OtpOperation {
  const merchant = p.merchantName.length > 45 ? `${p.merchantName.slice(0, 44)}…` : p.merchantName;
  return {
    purpose: 'voucher.cancellation',
    fields: { purchaseId: p.purchaseId, merchantId: p.merchantId, amountCents: p.amountCents },
    description: `la cancellazione dell'acquisto di ${formatEuro(p.amountCents)} presso ${merchant}`,
  };
}

/** "Cancella Movimento" (seed 000 §07): a purchase of today, revoked with the beneficiary's OTP. */
export function cancellationsRoutes(deps: VouchersRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;
  const beneficiaryOf = (k: Kysely<VoucherTables>, voucherId: string) =>
    k.selectFrom('vouchers').select(['mobile_phone', 'beneficiary_fiscal_code']).where('id', '=', voucherId).executeTakeFirstOrThrow();

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/vouchers/purchases/:movementId/cancellation/otp',
      { config: { access }, schema: { tags, summary: 'Cancella Movimento: invia il codice OTP al beneficiario', params: movementParams } },
      async (request) => {
        const { principal, structure } = structureOf(request);
        const purchase = await checkCancellable(db, deps.clock, request.params.movementId, structure.id);
        const beneficiary = await beneficiaryOf(db, purchase.voucherId);
        const sent = await deps.otp.send(
          cancellationOperation({ purchaseId: purchase.id, merchantId: structure.id, merchantName: structure.name, amountCents: purchase.amountCents }),
          { phone: beneficiary.mobile_phone, requestedBy: principal.user.id, structureId: structure.id },
        );
        // What the "Cancellazione movimento" section shows read-only.
        return { ...sent, cancellationDate: romeDate(deps.clock.now()), purchaseAmountCents: purchase.amountCents, amountToRevokeCents: purchase.amountCents };
      },
    );

    app.post(
      '/api/vouchers/purchases/:movementId/cancellation',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Cancella Movimento: conferma con il codice OTP',
          params: movementParams,
          body: z.object({
            challengeId: z.string().min(1).max(100),
            code: z.string().trim().min(1, 'Inserisci il codice.').max(10),
            idempotencyKey: z.string().min(8).max(100),
          }),
        },
      },
      async (request, reply) => {
        const { principal, structure } = structureOf(request);
        const actor = actorOf(request);
        const result = await (deps.db as AnyDb).transaction().execute(async (trx) => {
          const purchase = await checkCancellable(trx, deps.clock, request.params.movementId, structure.id);
          await deps.otp.confirm(
            trx,
            request.body.challengeId,
            request.body.code,
            cancellationOperation({ purchaseId: purchase.id, merchantId: structure.id, merchantName: structure.name, amountCents: purchase.amountCents }),
          );
          const cancelled = await cancelPurchase(trx, deps.clock, {
            purchaseId: purchase.id,
            merchantStructureId: structure.id,
            createdBy: principal.user.id,
            idempotencyKey: request.body.idempotencyKey,
          });
          const beneficiary = await beneficiaryOf(trx as Kysely<VoucherTables>, purchase.voucherId);
          await recordAudit(trx, actor, {
            action: 'voucher.purchase.cancel',
            subject: { type: 'voucher_movement', id: cancelled.movementId },
            personFiscalCode: beneficiary.beneficiary_fiscal_code,
            after: { purchaseId: purchase.id, amountCents: purchase.amountCents, availableCents: cancelled.availableCents },
          });
          await enqueueNotification(trx, {
            channel: 'sms',
            recipient: beneficiary.mobile_phone,
            template: 'voucher-movement',
            data: { kind: 'cancellazione', amountCents: purchase.amountCents, merchant: structure.name, balanceCents: cancelled.availableCents },
            idempotencyKey: `voucher-movement:${cancelled.movementId}:confirmed`,
          });
          return { movement: { id: cancelled.movementId, kind: 'cancellazione' as const, status: 'confermato' as const, amountCents: purchase.amountCents }, availableCents: cancelled.availableCents };
        });
        return reply.status(201).send(result);
      },
    );
  };
}
