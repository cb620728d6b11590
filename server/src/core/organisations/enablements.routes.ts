import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../audit/audit.js';
import { structureOf } from '../identity/access.js';
import { STRUCTURE_MANAGEMENT_SERVICE } from '../identity/principal.js';
import type { OrganisationKind } from './directory.tables.js';
import type { EmployeesService } from './employees.js';
import { associableServices } from './service-catalogue.js';
import { fiscalCodeSchema } from './fiscal-code.schema.js';

const access = { service: STRUCTURE_MANAGEMENT_SERVICE };
const tags = ['gestione struttura'];

const name = (label: string) =>
  z.string().trim().min(1, `${label} è obbligatorio.`).max(100, `${label}: al massimo 100 caratteri.`);

const employeeParams = z.object({ userId: z.string().uuid('Dipendente non valido.') });

/** "Gestione Struttura → Gestione delle Abilitazioni", for the structure's owner or an administrator. */
export function enablementsRoutes(employees: EmployeesService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/structure/employees',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Dipendenti della struttura',
          querystring: z.object({
            q: z.string().max(100).optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
        },
      },
      async (request) => {
        const { structure } = structureOf(request);
        const { q, page, pageSize } = request.query;
        return employees.list(structure.id, q, page, pageSize);
      },
    );

    app.post(
      '/api/structure/employees',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Aggiungi Dipendenti',
          body: z.object({ fiscalCode: fiscalCodeSchema, givenName: name('Il nome'), familyName: name('Il cognome') }),
        },
      },
      async (request, reply) => {
        const { structure } = structureOf(request);
        return reply.status(201).send(await employees.add(structure, actorOf(request), request.body));
      },
    );

    app.get('/api/structure/services', { config: { access }, schema: { tags, summary: 'Servizi associabili nella struttura' } }, async (request) => {
      const { structure } = structureOf(request);
      return associableServices(structure.kind as OrganisationKind).map(({ code, name, description }) => ({ code, name, description }));
    });

    app.post(
      '/api/structure/employees/:userId/services',
      {
        config: { access },
        schema: { tags, summary: 'Associa un servizio', params: employeeParams, body: z.object({ service: z.string().min(1, 'Scegli il servizio.').max(60) }) },
      },
      async (request) => {
        const { structure } = structureOf(request);
        return employees.associateService(structure, actorOf(request), request.params.userId, request.body.service);
      },
    );

    app.delete(
      '/api/structure/employees/:userId/services/:service',
      {
        config: { access },
        schema: { tags, summary: 'Rimuovi un servizio', params: employeeParams.extend({ service: z.string().min(1).max(60) }) },
      },
      async (request) => {
        const { structure } = structureOf(request);
        return employees.removeService(structure, actorOf(request), request.params.userId, request.params.service);
      },
    );

    app.post('/api/structure/employees/:userId/disable', { config: { access }, schema: { tags, summary: "Disabilita l'utenza", params: employeeParams } }, async (request) => {
      const { structure } = structureOf(request);
      return employees.disable(structure, actorOf(request), request.params.userId);
    });

    app.post('/api/structure/employees/:userId/enable', { config: { access }, schema: { tags, summary: "Riabilita l'utenza", params: employeeParams } }, async (request) => {
      const { structure } = structureOf(request);
      return employees.enable(structure, actorOf(request), request.params.userId);
    });
  };
}
