import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Documents } from './index.js';

/**
 * The one generic download route. Uploads have none of their own: each module receives the file
 * in its own route ("allega lo scontrino a questo acquisto") and calls `documents.upload` there.
 */
export function documentsRoutes(documents: Pick<Documents, 'download'>) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/documents/:id',
      {
        config: { access: 'user' },
        schema: {
          tags: ['documenti'],
          summary: 'Scarica un documento della struttura corrente o personale',
          description:
            'Risponde con il file (tipo rilevato dal contenuto). Un documento di un’altra struttura o di un’altra persona risponde 404 come uno inesistente.',
          params: z.object({ id: z.string().uuid('Documento non valido.') }),
          querystring: z.object({
            inline: z.enum(['true', 'false']).optional().describe('true: PDF e immagini si aprono nel browser invece di essere scaricati'),
          }),
        },
      },
      async (request, reply) => documents.download(request, request.params.id, reply, { inline: request.query.inline === 'true' }),
    );
  };
}
