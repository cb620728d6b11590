import type { FastifyInstance } from 'fastify';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { tags } from './citizen.schemas.js';
import { receiveFiling } from './receive-filing.js';

/** "INVIA": the public form, with or without login (contract in README.md). */
export function filingRoutes(deps: HelpdeskDeps) {
  return async (app: FastifyInstance) => {
    app.post(
      '/api/assistenza/requests',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Invia una nuova richiesta di assistenza',
          description:
            'multipart/form-data: la parte "data" (JSON dei campi) e poi, facoltativo, il file "attachment"; oppure application/json con gli stessi campi. Risponde 201 { id, number, link }.',
        },
      },
      async (request, reply) => reply.status(201).send(await receiveFiling(deps, request)),
    );
  };
}
