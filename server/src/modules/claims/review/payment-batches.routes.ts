import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { NotFound, RuleViolation } from '../../../platform/http/errors.js';
import { romeDate } from '../../../shared/dates.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { checkItalianIban } from '../merchant/iban.js';
import { forwardForPayment } from './forward-for-payment.js';
import { regionActor, regionOf, reviewRoute } from './review-access.js';
import { isCalendarDay, italianDay } from './review-rules.js';
import { batchParams, pageParams, paymentBatchBody } from './review.schemas.js';
import { shiftDay } from './rome-days.js';
import { toSepaText } from './sepa-text.js';

const { config } = reviewRoute;
const tags = [...reviewRoute.tags];
/** How far ahead a transfer may be asked: beyond a year is a typing mistake. */
const MAX_EXECUTION_DAYS = 365;

/** The debtor's data as the SEPA file needs them; each refusal names its field (422). */
function checkDebtor(body: z.infer<typeof paymentBatchBody>, today: string) {
  const fields: Record<string, string> = {};
  if (!toSepaText(body.debtorName, 70)) fields.debtorName = 'Il nome deve contenere lettere o cifre.';
  const iban = checkItalianIban(body.debtorIban);
  if (!iban.valid) fields.debtorIban = iban.message;
  const day = body.executionDate.trim();
  if (!isCalendarDay(day)) fields.executionDate = 'Data di esecuzione non valida (AAAA-MM-GG).';
  else if (day < today) fields.executionDate = `La data di esecuzione non può precedere oggi (${italianDay(today)}).`;
  else if (day > shiftDay(today, MAX_EXECUTION_DAYS)) fields.executionDate = 'La data di esecuzione può essere al massimo tra un anno.';
  if (Object.keys(fields).length > 0 || !iban.valid) throw new RuleViolation('payment_batch_invalid', Object.values(fields)[0]!, fields);
  return { debtorName: body.debtorName.trim(), debtorIban: iban.iban, executionDate: day };
}

/** "Inoltra per decreto di pagamento": batches of approved claims and their SEPA files. */
export function paymentBatchesRoutes(deps: ClaimsDeps) {
  const db = deps.db as Kysely<ClaimTables>;

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/claims-review/payment-batches',
      { config, schema: { tags, summary: 'Distinte inoltrate per decreto di pagamento', querystring: z.object(pageParams) } },
      async (request) => {
        const { region } = regionOf(request);
        const { page, pageSize } = request.query;
        const base = db.selectFrom('claim_payment_batches').where('region_structure_id', '=', region.id);
        const [{ total }, rows] = await Promise.all([
          base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
          base
            .select(['id', 'message_id', 'created_at', 'execution_date', 'claim_count', 'control_sum_cents', 'debtor_name', 'debtor_iban'])
            .orderBy('created_at', 'desc')
            .orderBy('id', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
        ]);
        // The form starts from the account used last time.
        const last = page === 1 ? rows[0] : await base.select(['debtor_name', 'debtor_iban']).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
        return {
          items: rows.map((b) => ({
            id: b.id,
            messageId: b.message_id,
            createdAt: b.created_at.toISOString(),
            executionDate: b.execution_date,
            claimCount: b.claim_count,
            controlSumCents: b.control_sum_cents,
            debtorName: b.debtor_name,
          })),
          total: Number(total),
          page,
          pageSize,
          lastDebtor: last ? { name: last.debtor_name, iban: last.debtor_iban } : null,
        };
      },
    );

    app.post(
      '/api/claims-review/payment-batches',
      {
        config,
        schema: { tags, summary: 'Inoltra per decreto di pagamento (crea la distinta SEPA pain.001.001.03)', body: paymentBatchBody },
      },
      async (request, reply) => {
        const { region } = regionOf(request);
        const debtor = checkDebtor(request.body, romeDate(deps.clock.now()));
        const batch = await forwardForPayment(deps, { claimIds: request.body.claimIds, ...debtor }, { regionId: region.id, regionName: region.name, actor: regionActor(request) });
        return reply.status(201).send(batch);
      },
    );

    app.get(
      '/api/claims-review/payment-batches/:batchId/pain001',
      { config, schema: { tags, summary: 'Scarica il file SEPA (pain.001.001.03) della distinta', params: batchParams } },
      async (request, reply) => {
        const { region } = regionOf(request);
        const batch = await db
          .selectFrom('claim_payment_batches')
          .select(['id', 'message_id', 'xml'])
          .where('id', '=', request.params.batchId)
          .where('region_structure_id', '=', region.id)
          .executeTakeFirst();
        if (!batch) throw new NotFound('Distinta non trovata.');
        await recordAudit(deps.db, actorOf(request), { action: 'claim.payment-batch.download', subject: { type: 'claim_payment_batch', id: batch.id } });
        return reply
          .headers({
            'content-type': 'application/xml; charset=utf-8',
            'content-disposition': `attachment; filename="pain001-${batch.message_id}.xml"`,
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
          })
          .send(batch.xml);
      },
    );
  };
}
