import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deskOf, supervisionRoute } from '../desk/desk-access.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { structureFigures } from './figures.repository.js';

const figuresQuery = z.object({
  weeks: z.coerce.number({ error: 'Numero di settimane non valido.' }).int('Numero di settimane non valido.').min(1, 'Almeno una settimana.').max(52, 'Al massimo 52 settimane.').default(12),
});

/** The supervisors' figures of their structure: open requests, median times, requests per week. */
export function figuresRoutes(deps: HelpdeskDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/assistenza/supervision/figures',
      { config: supervisionRoute.config, schema: { tags: [...supervisionRoute.tags], summary: 'Andamento delle richieste della struttura', querystring: figuresQuery } },
      async (request) => {
        const desk = deskOf(request);
        return structureFigures(deps.db, desk.structure.id, deps.clock.now(), request.query.weeks);
      },
    );
  };
}
