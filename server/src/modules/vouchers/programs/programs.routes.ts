import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../../core/clock/clock.js';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { structureOf } from '../../../core/identity/access.js';
import { listStructuresOfKind, type StructureRef, structuresByIds } from '../../../core/organisations/index.js';
import type { AnyDb } from '../../../platform/db/database.js';
import type { VoucherTables } from '../vouchers.tables.js';
import { ImportsRepository } from './imports.repository.js';
import { PROGRAM_LIMITS, PROGRAM_SERVICE } from './program.js';
import { programErrors } from './programs.errors.js';
import { type ProgramRow, ProgramsRepository } from './programs.repository.js';

const access = { service: PROGRAM_SERVICE };
const tags = ['programmi voucher'];

export interface ProgramsRoutesDeps {
  db: AnyDb;
  clock: Clock;
}

const programParams = z.object({ programId: z.string().uuid('Programma non valido.') });
const merchantIds = z
  .array(z.string().uuid('Esercente non valido.'), { error: 'Scegli gli esercenti.' })
  .max(PROGRAM_LIMITS.maxMerchantsPerRequest, `Al massimo ${PROGRAM_LIMITS.maxMerchantsPerRequest} esercenti alla volta.`)
  .transform((ids) => [...new Set(ids)]);

const newProgramBody = z.object({
  name: z
    .string({ error: 'Indica il nome del programma.' })
    .trim()
    .min(1, 'Indica il nome del programma.')
    .max(PROGRAM_LIMITS.nameMaxLength, `Il nome non può superare ${PROGRAM_LIMITS.nameMaxLength} caratteri.`),
  faceValueCents: z
    .number({ error: 'Indica il valore del voucher.' })
    .int('Il valore deve essere in centesimi interi.')
    .positive('Il valore del voucher deve essere maggiore di zero.')
    .max(PROGRAM_LIMITS.maxFaceValueCents, 'Il valore del voucher non può superare 1.000.000,00 €.'),
  validityMonths: z
    .number({ error: 'Indica la validità in mesi.' })
    .int('La validità deve essere un numero intero di mesi.')
    .min(1, 'La validità deve essere di almeno un mese.')
    .max(PROGRAM_LIMITS.maxValidityMonths, `La validità non può superare ${PROGRAM_LIMITS.maxValidityMonths} mesi.`),
  merchantStructureIds: merchantIds.default([]),
});

function programJson(program: ProgramRow) {
  return {
    id: program.id,
    name: program.name,
    faceValueCents: program.faceValueCents,
    validityMonths: program.validityMonths,
    createdAt: program.createdAt.toISOString(),
    merchantCount: program.merchantCount,
    voucherCount: program.voucherCount,
  };
}

/** The merchant structures among `ids`, or the refusal if any is missing or not a merchant. */
async function merchantsAmong(db: AnyDb, ids: readonly string[]): Promise<StructureRef[]> {
  const found = await structuresByIds(db, ids);
  const merchants = ids.map((id) => found.get(id)).filter((s): s is StructureRef => s?.kind === 'merchant');
  if (merchants.length !== ids.length) throw programErrors.notMerchants();
  return merchants;
}

/** "Gestione programmi voucher": the region's programs and their enrolled merchants. */
export function programsRoutes(deps: ProgramsRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;
  const programs = new ProgramsRepository(deps.db);
  const imports = new ImportsRepository(deps.db);

  async function detail(programId: string, regionId: string) {
    const program = await programs.findInRegion(programId, regionId);
    if (!program) throw programErrors.programNotFound();
    const enrolled = await programs.merchantIds(program.id);
    const names = await structuresByIds(deps.db, enrolled.map((m) => m.merchantId));
    return {
      program: programJson(program),
      merchants: enrolled
        .map((m) => ({ id: m.merchantId, name: names.get(m.merchantId)?.name ?? '—', enrolledAt: m.enrolledAt.toISOString() }))
        .sort((a, b) => a.name.localeCompare(b.name, 'it')),
      imports: (await imports.listByProgram(program.id, 10)).map((i) => ({ ...i })),
    };
  }

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/voucher-programs',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Programmi voucher della regione',
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
        },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { page, pageSize } = request.query;
        const { items, total } = await programs.listByRegion(structure.id, page, pageSize);
        return { items: items.map(programJson), total, page, pageSize };
      },
    );

    app.get(
      '/api/voucher-programs/merchant-structures',
      { config: { access }, schema: { tags, summary: 'Esercenti che possono aderire a un programma' } },
      async () => ({ items: (await listStructuresOfKind(deps.db, 'merchant')).map(({ id, name }) => ({ id, name })) }),
    );

    app.post(
      '/api/voucher-programs',
      { config: { access }, schema: { tags, summary: 'Nuovo programma', body: newProgramBody } },
      async (request, reply) => {
        const { principal, structure } = structureOf(request);
        const body = request.body;
        const merchants = await merchantsAmong(deps.db, body.merchantStructureIds);
        const now = deps.clock.now();
        const programId = await db.transaction().execute(async (trx) => {
          const id = await programs.insert(trx, {
            regionId: structure.id,
            name: body.name,
            faceValueCents: body.faceValueCents,
            validityMonths: body.validityMonths,
            createdBy: principal.user.id,
            createdAt: now,
          });
          await programs.enrol(trx, id, body.merchantStructureIds, principal.user.id, now);
          await recordAudit(trx, actorOf(request), {
            action: 'voucher.program.create',
            subject: { type: 'voucher_program', id },
            after: {
              name: body.name,
              faceValueCents: body.faceValueCents,
              validityMonths: body.validityMonths,
              merchants: merchants.map((m) => ({ id: m.id, name: m.name })),
            },
          });
          return id;
        });
        return reply.status(201).send(await detail(programId, structure.id));
      },
    );

    app.get(
      '/api/voucher-programs/:programId',
      { config: { access }, schema: { tags, summary: 'Dettaglio del programma', params: programParams } },
      async (request) => detail(request.params.programId, structureOf(request).structure.id),
    );

    app.post(
      '/api/voucher-programs/:programId/merchants',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Aggiungi esercenti al programma',
          params: programParams,
          body: z.object({ merchantStructureIds: merchantIds.refine((ids) => ids.length > 0, 'Scegli almeno un esercente.') }),
        },
      },
      async (request) => {
        const { principal, structure } = structureOf(request);
        const merchants = await merchantsAmong(deps.db, request.body.merchantStructureIds);
        await db.transaction().execute(async (trx) => {
          const program = await programs.lockInRegion(trx, request.params.programId, structure.id);
          if (!program) throw programErrors.programNotFound();
          const added = new Set(await programs.enrol(trx, program.id, request.body.merchantStructureIds, principal.user.id, deps.clock.now()));
          for (const merchant of merchants.filter((m) => added.has(m.id))) {
            await recordAudit(trx, actorOf(request), {
              action: 'voucher.program.merchant.enrol',
              subject: { type: 'voucher_program', id: program.id },
              after: { program: program.name, merchantStructureId: merchant.id, merchantName: merchant.name },
            });
          }
        });
        return detail(request.params.programId, structure.id);
      },
    );

    app.delete(
      '/api/voucher-programs/:programId/merchants/:merchantStructureId',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Rimuovi un esercente dal programma',
          params: programParams.extend({ merchantStructureId: z.string().uuid('Esercente non valido.') }),
        },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { programId, merchantStructureId } = request.params;
        await db.transaction().execute(async (trx) => {
          const program = await programs.lockInRegion(trx, programId, structure.id);
          if (!program) throw programErrors.programNotFound();
          if (!(await programs.remove(trx, program.id, merchantStructureId))) throw programErrors.merchantNotEnrolled();
          const merchant = (await structuresByIds(trx, [merchantStructureId])).get(merchantStructureId);
          await recordAudit(trx, actorOf(request), {
            action: 'voucher.program.merchant.remove',
            subject: { type: 'voucher_program', id: program.id },
            before: { program: program.name, merchantStructureId, merchantName: merchant?.name ?? null },
          });
        });
        return detail(programId, structure.id);
      },
    );
  };
}
