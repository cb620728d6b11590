import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type InferResult, type Kysely, type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../core/clock/clock.js';
import { actorOf, auditStatement, recordAudit } from '../../core/audit/audit.js';
import { structureOf } from '../../core/identity/access.js';
import { PURCHASE_RECEIPT_POLICY, type Documents } from '../../core/documents/index.js';
import type { OtpOperation, OtpService } from '../../core/otp/otp.js';
import type { AnyDb } from '../../platform/db/database.js';
import { NotFound, RuleViolation, ValidationFailed } from '../../platform/http/errors.js';
import { romeDate } from '../../shared/dates.js';
import { formatEuro } from '../../shared/money.js';
import { movementActions } from './movement-actions.js';
import { movementCode } from './movement-code.js';
import { confirmPurchaseWithCode } from './purchase-confirmation.js';
import { holdPurchase, isHoldAlive, STALE_HOLD_MESSAGE } from './purchases.js';
import { voucherState } from './voucher-state.js';
import type { VoucherTables } from './vouchers.tables.js';
import { fiscalCodeSchema } from '../../core/organisations/fiscal-code.schema.js';

export const VOUCHER_SERVICE = 'voucher-secondogeniti';
const access = { service: VOUCHER_SERVICE };
const tags = ['voucher'];

export interface VouchersRoutesDeps {
  db: AnyDb;
  clock: Clock;
  otp: OtpService;
  documents: Documents;
}

const HEALTH_CARD_MESSAGE = 'Il numero della tessera sanitaria deve avere 20 cifre.';
/** "Transazioni per esercente" shows the newest; the full history is in "Elenco Movimenti". */
const MOVEMENTS_SHOWN = 200;
const NOT_FOUND_BENEFICIARY = 'Nessun voucher trovato per il beneficiario.';

const healthCardQuery = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .refine((value) => /^\d{20}$/.test(value), HEALTH_CARD_MESSAGE);

const uuid = (message: string) => z.string().uuid(message);
const voucherParams = z.object({ voucherId: uuid('Voucher non valido.') });
const movementParams = z.object({ movementId: uuid('Movimento non valido.') });

/** The OTP operation of a purchase: every field that makes it this purchase and no other. */
function purchaseOperation(p: { movementId: string; voucherId: string; merchantId: string; merchantName: string; amountCents: number }): OtpOperation {
  const merchant = p.merchantName.length > 50 ? `${p.merchantName.slice(0, 49)}…` : p.merchantName;
  return {
    purpose: 'voucher.purchase',
    fields: { movementId: p.movementId, voucherId: p.voucherId, merchantId: p.merchantId, amountCents: p.amountCents },
    description: `l'acquisto di ${formatEuro(p.amountCents)} presso ${merchant}`,
  };
}

/** "Ricerca Beneficiario", "Usa per acquisto" and its OTP confirmation, for an enrolled merchant. */
export function vouchersRoutes(deps: VouchersRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;

  /** Vouchers in programs the merchant is enrolled in: any other answers like a missing one. */
  const enrolledVouchers = (merchantId: string) =>
    db
      .selectFrom('vouchers as v')
      .innerJoin('voucher_program_merchants as pm', (join) => join.onRef('pm.program_id', '=', 'v.program_id').on('pm.merchant_structure_id', '=', merchantId));

  /** A purchase movement of this merchant, with the voucher it belongs to. */
  const purchaseOf = (trx: Kysely<VoucherTables>, movementId: string, merchantId: string) =>
    trx
      .selectFrom('voucher_movements as m')
      .innerJoin('vouchers as v', 'v.id', 'm.voucher_id')
      .select(['m.id', 'm.voucher_id', 'm.amount_cents', 'm.status', 'm.created_at', 'v.mobile_phone', 'v.beneficiary_fiscal_code'])
      .where('m.id', '=', movementId)
      .where('m.merchant_structure_id', '=', merchantId)
      .where('m.kind', '=', 'acquisto')
      .executeTakeFirst();

  /**
   * The receipt must be a "purchase-receipt" of this merchant not attached to another purchase
   * (a retried request, same idempotency key, may carry it again).
   */
  const checkReceipt = async (documentId: string, merchantId: string, idempotencyKey: string) => {
    const receipt = await deps.documents.find(documentId);
    if (!receipt || receipt.purpose !== PURCHASE_RECEIPT_POLICY.purpose || receipt.ownerStructureId !== merchantId) {
      throw new ValidationFailed({ receiptDocumentId: 'Lo scontrino allegato non è stato trovato: allegalo di nuovo.' }, 'Allega lo scontrino.');
    }
    const used = await db
      .selectFrom('voucher_movements')
      .select('idempotency_key')
      .where('receipt_document_id', '=', documentId)
      .executeTakeFirst();
    if (used && used.idempotency_key !== idempotencyKey) {
      throw new RuleViolation('receipt_already_used', 'Questo scontrino è già allegato a un altro acquisto.', { receiptDocumentId: 'Questo scontrino è già allegato a un altro acquisto.' });
    }
  };

  /** "Voucher Beneficiario": the voucher and this merchant's transactions on it; a view of the beneficiary's record. */
  const present = async (request: FastifyRequest, structure: { id: string; name: string }, voucher: Selectable<VoucherTables['vouchers']>) => {
    const movementsQuery = db
      .selectFrom('voucher_movements as m')
      .select(['m.id', 'm.created_at', 'm.kind', 'm.status', 'm.amount_cents', 'm.receipt_document_id'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('voucher_movements as c')
              .select('c.id')
              .whereRef('c.purchase_id', '=', 'm.id')
              .where('c.kind', '=', 'cancellazione')
              .where('c.status', '<>', 'rilasciato'),
          )
          .as('cancelled'),
      )
      .where('m.voucher_id', '=', voucher.id)
      .where('m.merchant_structure_id', '=', structure.id)
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(MOVEMENTS_SHOWN);
    // The view is audited in the statement that reads the movements: one round trip, not two.
    const viewed = auditStatement(
      actorOf(request),
      { action: 'voucher.view', subject: { type: 'voucher', id: voucher.id }, personFiscalCode: voucher.beneficiary_fiscal_code },
      sql`true`,
    );
    const { rows: movements } = await sql<InferResult<typeof movementsQuery>[number]>`WITH viewed AS (${viewed}) ${movementsQuery}`.execute(db);
    const now = deps.clock.now();

    const initialCents = Number(voucher.initial_cents);
    const availableCents = Number(voucher.available_cents);
    return {
      voucher: {
        id: voucher.id,
        code: voucher.code,
        givenName: voucher.given_name,
        familyName: voucher.family_name,
        fiscalCode: voucher.beneficiary_fiscal_code,
        healthCardNumber: voucher.health_card_number,
        initialCents,
        availableCents,
        usedCents: initialCents - availableCents,
        activationDate: voucher.activation_date,
        expiryDate: voucher.expiry_date,
        state: voucherState(voucher, romeDate(now)),
      },
      /** "Data acquisto" of a purchase made now: the merchant's form shows it read-only. */
      today: romeDate(now),
      movements: movements.map((m) => ({
        id: m.id,
        code: movementCode(m.id),
        createdAt: m.created_at.toISOString(),
        merchantName: structure.name,
        kind: m.kind,
        status: m.status,
        amountCents: Number(m.amount_cents),
        cancelled: Boolean(m.cancelled),
        actions: movementActions(
          { kind: m.kind, status: m.status, createdAt: m.created_at, hasReceipt: m.receipt_document_id !== null, cancelled: Boolean(m.cancelled) },
          now,
        ),
      })),
    };
  };

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/vouchers/search',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Ricerca Beneficiario',
          querystring: z.object({ fiscalCode: fiscalCodeSchema.optional(), healthCard: healthCardQuery.optional() }),
        },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { fiscalCode, healthCard } = request.query;
        if ((fiscalCode === undefined) === (healthCard === undefined)) {
          throw new ValidationFailed(
            { fiscalCode: 'Indica il codice fiscale oppure il numero della tessera sanitaria.' },
            'Indica il codice fiscale oppure il numero della tessera sanitaria del beneficiario.',
          );
        }
        let query = enrolledVouchers(structure.id).selectAll('v');
        query = fiscalCode !== undefined ? query.where('v.beneficiary_fiscal_code', '=', fiscalCode) : query.where('v.health_card_number', '=', healthCard!);
        const voucher = await query.orderBy('v.expiry_date', 'desc').orderBy('v.created_at', 'desc').executeTakeFirst();
        if (!voucher) throw new NotFound(NOT_FOUND_BENEFICIARY);

        return present(request, structure, voucher);
      },
    );

    app.get(
      '/api/vouchers/:voucherId',
      { config: { access }, schema: { tags, summary: 'Voucher Beneficiario (dopo la ricerca)', params: voucherParams } },
      async (request) => {
        const { structure } = structureOf(request);
        const voucher = await enrolledVouchers(structure.id).selectAll('v').where('v.id', '=', request.params.voucherId).executeTakeFirst();
        if (!voucher) throw new NotFound('Voucher non trovato.');
        return present(request, structure, voucher);
      },
    );

    app.post(
      '/api/vouchers/:voucherId/purchases',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Usa per acquisto',
          params: voucherParams,
          body: z.object({
            amountCents: z.number({ error: 'Indica l’importo.' }).int('L’importo deve essere in centesimi interi.').positive('L’importo deve essere maggiore di zero.'),
            idempotencyKey: z.string().min(8).max(100),
            receiptDocumentId: z.string({ error: 'Allega lo scontrino.' }).uuid('Allega lo scontrino.'),
          }),
        },
      },
      async (request, reply) => {
        const { principal, structure } = structureOf(request);
        const voucher = await enrolledVouchers(structure.id)
          .select(['v.id', 'v.mobile_phone', 'v.beneficiary_fiscal_code'])
          .where('v.id', '=', request.params.voucherId)
          .executeTakeFirst();
        if (!voucher) throw new NotFound('Voucher non trovato.');
        await checkReceipt(request.body.receiptDocumentId, structure.id, request.body.idempotencyKey);

        const movement = await holdPurchase(deps.db, deps.clock, {
          voucherId: voucher.id,
          merchantStructureId: structure.id,
          amountCents: request.body.amountCents,
          receiptDocumentId: request.body.receiptDocumentId,
          idempotencyKey: request.body.idempotencyKey,
          createdBy: principal.user.id,
        });
        if (movement.voucherId !== voucher.id) {
          throw new RuleViolation('idempotency_key_reused', 'Questa richiesta è già stata usata per un altro voucher.');
        }
        await recordAudit(deps.db, actorOf(request), {
          action: 'voucher.purchase.create',
          subject: { type: 'voucher_movement', id: movement.id },
          personFiscalCode: voucher.beneficiary_fiscal_code,
          after: { voucherId: voucher.id, amountCents: movement.amountCents, status: movement.status },
        });
        if (movement.status !== 'in_attesa') {
          throw new RuleViolation('purchase_not_pending', 'L’acquisto non è in attesa di conferma.');
        }
        const challenge = await deps.otp.send(
          purchaseOperation({ movementId: movement.id, voucherId: voucher.id, merchantId: structure.id, merchantName: structure.name, amountCents: movement.amountCents }),
          { phone: voucher.mobile_phone, requestedBy: principal.user.id, structureId: structure.id },
        );
        return reply.status(201).send({ movement: { id: movement.id, status: movement.status, amountCents: movement.amountCents }, ...challenge });
      },
    );

    app.post(
      '/api/vouchers/purchases/:movementId/otp',
      { config: { access }, schema: { tags, summary: 'Invia un nuovo codice per l’acquisto', params: movementParams } },
      async (request) => {
        const { principal, structure } = structureOf(request);
        const movement = await purchaseOf(db, request.params.movementId, structure.id);
        if (!movement) throw new NotFound('Acquisto non trovato.');
        if (movement.status !== 'in_attesa') throw new RuleViolation('purchase_not_pending', 'L’acquisto non è in attesa di conferma.');
        if (!isHoldAlive(movement.created_at, deps.clock.now())) throw new RuleViolation('purchase_expired', STALE_HOLD_MESSAGE);
        return deps.otp.send(
          purchaseOperation({
            movementId: movement.id,
            voucherId: movement.voucher_id,
            merchantId: structure.id,
            merchantName: structure.name,
            amountCents: Number(movement.amount_cents),
          }),
          { phone: movement.mobile_phone, requestedBy: principal.user.id, structureId: structure.id },
        );
      },
    );

    app.post(
      '/api/vouchers/purchases/:movementId/confirm',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Conferma l’acquisto con il codice OTP',
          params: movementParams,
          body: z.object({ challengeId: z.string().min(1).max(100), code: z.string().trim().min(1, 'Inserisci il codice.').max(10) }),
        },
      },
      async (request) => {
        const { structure } = structureOf(request);
        return confirmPurchaseWithCode(
          deps,
          { movementId: request.params.movementId, merchant: structure, challengeId: request.body.challengeId, code: request.body.code, actor: actorOf(request) },
          ({ voucherId, amountCents }) =>
            purchaseOperation({ movementId: request.params.movementId, voucherId, merchantId: structure.id, merchantName: structure.name, amountCents }),
        );
      },
    );
  };
}
