import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../core/audit/audit.js';
import { principalOf, structureOf } from '../../../core/identity/access.js';
import { ownersOf, structuresByIds } from '../../../core/organisations/index.js';
import { Conflict } from '../../../platform/http/errors.js';
import { PERIOD_MONTHS, periodLabel } from '../claim-window.js';
import type { ClaimsDeps } from '../claims.deps.js';
import { type FilingState, filingState } from './claim-filing.js';
import { lastClaimContact } from './claims.repository.js';
import { access, newClaimBody, pageQuery, tags } from './claims.schemas.js';
import { createClaim } from './create-claim.js';
import { draftTotals, unclaimedPurchases } from './unclaimed-purchases.js';

/** The legend of the reference periods ("legenda dei periodi", seed 000 §09). */
export const PERIOD_LEGEND = PERIOD_MONTHS.map((months, i) => ({ index: i + 1, label: `${i + 1}° quadrimestre`, months }));

function refuseUnlessCanFile(state: FilingState): void {
  if (state.canFile) return;
  if (!state.open) throw new Conflict('claim_window_closed', state.message ?? '');
  throw new Conflict('claim_already_filed', state.message ?? '');
}

/** "Inserisci una nuova istanza": the window, the draft ("Inserimento rimborso", "Elenco transazioni") and "Conferma e salva". */
export function filingRoutes(deps: ClaimsDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/claims/window', { config: { access }, schema: { tags, summary: 'Finestra di inserimento delle istanze e legenda dei periodi' } }, async (request) => {
      const { structure } = structureOf(request);
      const state = await filingState(deps.db, structure.id, deps.clock.now());
      const { period, opens, closes } = state.window;
      return {
        open: state.open,
        opens,
        closes,
        period: { ...period, label: periodLabel(period) },
        alreadyFiled: state.alreadyFiled,
        canFile: state.canFile,
        message: state.message,
        legend: PERIOD_LEGEND,
      };
    });

    app.get('/api/claims/draft', { config: { access }, schema: { tags, summary: 'Inserimento rimborso: i dati della nuova istanza' } }, async (request) => {
      const { structure, principal } = structureOf(request);
      const state = await filingState(deps.db, structure.id, deps.clock.now());
      refuseUnlessCanFile(state);
      const totals = (await draftTotals(deps.db, { merchantStructureId: structure.id, beforeDay: state.today })).filter((d) => !state.filedRegions.has(d.regionStructureId));
      const [regions, last, owners] = await Promise.all([
        structuresByIds(
          deps.db,
          totals.map((d) => d.regionStructureId),
        ),
        lastClaimContact(deps.db, structure.id),
        ownersOf(deps.db, structure.id),
      ]);
      const ownEmail = owners.find((o) => o.userId === principal.user.id)?.email ?? owners.find((o) => o.email)?.email ?? null;
      return {
        drafts: totals.map((d) => ({ ...d, regionName: regions.get(d.regionStructureId)?.name ?? '' })),
        email: last?.email ?? ownEmail,
        iban: last?.iban ?? null,
      };
    });

    app.get(
      '/api/claims/draft/transactions',
      {
        config: { access },
        schema: { tags, summary: 'Elenco transazioni della nuova istanza', querystring: pageQuery.extend({ regionStructureId: z.uuid('Regione non valida.') }) },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { page, pageSize, regionStructureId } = request.query;
        const state = await filingState(deps.db, structure.id, deps.clock.now());
        refuseUnlessCanFile(state);
        const base = unclaimedPurchases(deps.db, { merchantStructureId: structure.id, regionStructureId, beforeDay: state.today });
        const [{ total }, rows] = await Promise.all([
          base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
          base
            .select(['p.movement_id', 'p.purchased_at', 'p.beneficiary_fiscal_code', 'p.voucher_code', 'p.amount_cents'])
            .orderBy('p.purchased_at')
            .orderBy('p.movement_id')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
        ]);
        return {
          items: rows.map((r) => ({
            movementId: r.movement_id,
            purchasedAt: r.purchased_at.toISOString(),
            fiscalCode: r.beneficiary_fiscal_code,
            voucherCode: r.voucher_code,
            amountCents: Number(r.amount_cents),
          })),
          total: Number(total),
          page,
          pageSize,
        };
      },
    );

    app.post('/api/claims', { config: { access }, schema: { tags, summary: 'Conferma e salva la nuova istanza di rimborso', body: newClaimBody } }, async (request, reply) => {
      const { structure } = structureOf(request);
      const principal = principalOf(request);
      const created = await createClaim(deps, {
        merchantStructureId: structure.id,
        regionStructureId: request.body.regionStructureId,
        iban: request.body.iban,
        email: request.body.email,
        actor: { kind: 'merchant', audit: { ...actorOf(request), userId: principal.user.id } },
      });
      return reply.status(201).send(created);
    });
  };
}
