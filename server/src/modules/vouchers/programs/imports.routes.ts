import type {} from '@fastify/multipart'; // request.isMultipart() and request.file()
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../../core/clock/clock.js';
import { actorOf, recordAudit } from '../../../core/audit/audit.js';
import { structureOf } from '../../../core/identity/access.js';
import type { AnyDb } from '../../../platform/db/database.js';
import { romeDate } from '../../../shared/dates.js';
import type { VoucherTables } from '../vouchers.tables.js';
import type { ImportRunner } from './import-runner.js';
import { type ImportSummary, ImportsRepository, toSummary } from './imports.repository.js';
import { IMPORT_LIMITS } from './parse-beneficiary-csv.js';
import { PROGRAM_SERVICE } from './program.js';
import { programErrors } from './programs.errors.js';
import { ProgramsRepository } from './programs.repository.js';
import { rejectedReport, reportFileName } from './rejected-report.js';
import { stageImport } from './stage-import.js';

const access = { service: PROGRAM_SERVICE };
const tags = ['programmi voucher'];

export interface ImportsRoutesDeps {
  db: AnyDb;
  clock: Clock;
  runner: ImportRunner;
}

const programParams = z.object({ programId: z.string().uuid('Programma non valido.') });
const importParams = programParams.extend({ importId: z.string().uuid('Importazione non valida.') });

export function importJson(summary: ImportSummary) {
  return {
    ...summary,
    createdAt: summary.createdAt.toISOString(),
    confirmedAt: summary.confirmedAt?.toISOString() ?? null,
    completedAt: summary.completedAt?.toISOString() ?? null,
  };
}

/**
 * "Importa beneficiari": upload → preview (valid and rejected rows with their reasons) →
 * "Conferma importazione" → the vouchers are issued in the background (progress) → the report of
 * the rejected rows. Every import is reached through a program of the caller's region.
 */
export function importsRoutes(deps: ImportsRoutesDeps) {
  const db = deps.db as Kysely<VoucherTables>;
  const programs = new ProgramsRepository(deps.db);
  const imports = new ImportsRepository(deps.db);

  /** The import of this program of the caller's region, or 404; kicks an import nobody is working. */
  async function importOf(params: { programId: string; importId: string }, regionId: string) {
    const found = await imports.findInRegion(params.importId, params.programId, regionId);
    if (!found) throw programErrors.importNotFound();
    if (found.stalled) deps.runner.kick(found.id);
    return found;
  }

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.addHook('onClose', () => deps.runner.stop());

    app.post(
      '/api/voucher-programs/:programId/imports',
      {
        config: { access },
        schema: { tags, summary: 'Carica il file CSV dei beneficiari (anteprima)', params: programParams, consumes: ['multipart/form-data'] },
      },
      async (request, reply) => {
        const { principal, structure } = structureOf(request);
        const program = await programs.findInRegion(request.params.programId, structure.id);
        if (!program) throw programErrors.programNotFound();
        if (!request.isMultipart()) throw programErrors.fileMissing();
        const part = await request.file({ throwFileSizeLimit: false, limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 } });
        if (!part) throw programErrors.fileMissing();
        // The parser reads a pipe of the upload. On a refusal the upload is unpiped and read to its end
        // into nothing, so the request completes and the client gets the answer.
        const content = new PassThrough();
        part.file.pipe(content);
        part.file.on('limit', () => content.destroy(programErrors.fileTooLarge()));
        const drain = () => {
          part.file.unpipe(content);
          content.destroy();
          part.file.resume();
        };
        if (!/\.(csv|txt)$/i.test(part.filename)) {
          drain();
          throw programErrors.notCsvName();
        }
        let summary: ImportSummary;
        try {
          summary = await stageImport(deps.db, deps.clock, {
            programId: program.id,
            fileName: part.filename.slice(0, 255),
            uploadedBy: principal.user.id,
            content,
          });
        } catch (error) {
          drain();
          throw error;
        }
        await recordAudit(db, actorOf(request), {
          action: 'voucher.import.upload',
          subject: { type: 'voucher_import', id: summary.id },
          after: { programId: program.id, fileName: summary.fileName, totalRows: summary.totalRows, validRows: summary.validRows, rejectedRows: summary.rejectedRows },
        });
        return reply.status(201).send(importJson(summary));
      },
    );

    app.get(
      '/api/voucher-programs/:programId/imports/:importId',
      { config: { access }, schema: { tags, summary: 'Stato e avanzamento dell’importazione', params: importParams } },
      async (request) => {
        const { stalled: _stalled, ...summary } = await importOf(request.params, structureOf(request).structure.id);
        return importJson(summary);
      },
    );

    app.get(
      '/api/voucher-programs/:programId/imports/:importId/rejected-rows',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Righe scartate, con il motivo',
          params: importParams,
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
        },
      },
      async (request) => {
        const found = await importOf(request.params, structureOf(request).structure.id);
        const { page, pageSize } = request.query;
        const { items, total } = await imports.rejectedPage(found.id, page, pageSize);
        return { items, total, page, pageSize };
      },
    );

    app.get(
      '/api/voucher-programs/:programId/imports/:importId/rejected-rows.csv',
      { config: { access }, schema: { tags, summary: 'Scarica il rapporto delle righe scartate (CSV)', params: importParams } },
      async (request, reply) => {
        const found = await importOf(request.params, structureOf(request).structure.id);
        await recordAudit(db, actorOf(request), {
          action: 'voucher.import.report',
          subject: { type: 'voucher_import', id: found.id },
          after: { rejectedRows: found.rejectedRows + found.skippedRows },
        });
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${reportFileName(found.fileName)}"`)
          .header('cache-control', 'no-store')
          .send(rejectedReport(imports, found.id));
      },
    );

    app.post(
      '/api/voucher-programs/:programId/imports/:importId/confirm',
      { config: { access }, schema: { tags, summary: 'Conferma importazione', params: importParams } },
      async (request, reply) => {
        const { principal, structure } = structureOf(request);
        const found = await importOf(request.params, structure.id);
        const confirmed = await db.transaction().execute(async (trx) => {
          const current = await trx
            .selectFrom('voucher_imports')
            .selectAll()
            .where('id', '=', found.id)
            .forUpdate()
            .executeTakeFirstOrThrow();
          // Confirming twice (a double click, a retry) answers with the import as it stands.
          if (current.status === 'importing' || current.status === 'completed') return null;
          if (current.status !== 'preview') throw programErrors.notInPreview();
          if (current.valid_rows === 0) throw programErrors.nothingToImport();
          const now = deps.clock.now();
          const summary = (await imports.confirm(trx, found.id, { by: principal.user.id, at: now, codeYear: romeDate(now).slice(0, 4) }))!;
          await recordAudit(trx, actorOf(request), {
            action: 'voucher.import.confirm',
            subject: { type: 'voucher_import', id: found.id },
            after: {
              programId: found.programId,
              fileName: summary.fileName,
              totalRows: summary.totalRows,
              validRows: summary.validRows,
              rejectedRows: summary.rejectedRows,
            },
          });
          return summary;
        });
        deps.runner.kick(found.id);
        if (!confirmed) {
          const current = await db.selectFrom('voucher_imports').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
          return reply.status(200).send(importJson(toSummary(current)));
        }
        return reply.status(202).send(importJson(confirmed));
      },
    );

    app.post(
      '/api/voucher-programs/:programId/imports/:importId/discard',
      { config: { access }, schema: { tags, summary: 'Annulla l’importazione in anteprima', params: importParams } },
      async (request, reply) => {
        const found = await importOf(request.params, structureOf(request).structure.id);
        await db.transaction().execute(async (trx) => {
          if (!(await imports.discard(trx, found.id))) throw programErrors.notInPreview();
          await recordAudit(trx, actorOf(request), {
            action: 'voucher.import.discard',
            subject: { type: 'voucher_import', id: found.id },
            before: { fileName: found.fileName, totalRows: found.totalRows },
          });
        });
        return reply.status(204).send();
      },
    );

  };
}
