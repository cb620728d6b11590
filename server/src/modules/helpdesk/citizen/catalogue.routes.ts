import type { FastifyInstance } from 'fastify';
import { DOCUMENT_TYPES, HELPDESK_ATTACHMENT_POLICY } from '../../../core/documents/index.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { loadCatalogue, prefillOf } from './catalogue.js';
import { tags } from './citizen.schemas.js';
import { DESCRIPTION_MAX } from './request-form.schema.js';

const ATTACHMENT_EXTENSIONS = [...new Set(HELPDESK_ATTACHMENT_POLICY.allowedTypes.flatMap((t) => (t === 'jpeg' ? ['jpeg', 'jpg'] : [DOCUMENT_TYPES[t].extension])))];

/** What the form "Nuova richiesta di assistenza" needs: catalogues, limits, and the signed-in prefill. */
export function catalogueRoutes(deps: HelpdeskDeps) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/assistenza/catalogue',
      { config: { access: 'public' }, schema: { tags, summary: 'Servizi, ruoli, tipologie e ASR del modulo "Nuova richiesta di assistenza"' } },
      async (request) => {
        const [catalogue, prefill] = await Promise.all([loadCatalogue(deps.db), request.principal ? prefillOf(deps.db, request.principal.user.id) : null]);
        return {
          ...catalogue,
          prefill,
          limits: { descriptionMaxLength: DESCRIPTION_MAX, attachmentMaxBytes: HELPDESK_ATTACHMENT_POLICY.maxBytes, attachmentExtensions: ATTACHMENT_EXTENSIONS },
        };
      },
    );
  };
}
