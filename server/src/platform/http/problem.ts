import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldErrors } from './errors.js';

/** The problem+json shape, documented on every API route's error responses. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Codice stabile dell’errore, es. "validation_failed", "not_found"'),
    detail: z.string().describe('Messaggio in italiano, mostrabile all’utente'),
    fields: z.record(z.string(), z.string()).optional().describe('Un messaggio per ogni campo non valido'),
  })
  .describe('Errore (application/problem+json)');

/** The one error shape of the API (RFC 9457 problem+json) with a code and per-field messages. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  fields?: FieldErrors;
}

function send(reply: FastifyReply, problem: Problem, headers?: Record<string, string>) {
  if (headers) reply.headers(headers);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

function problemOf(status: number, code: string, detail: string, fields?: FieldErrors): Problem {
  return { type: `about:blank#${code}`, title: code, status, code, detail, ...(fields ? { fields } : {}) };
}

/** Fastify's own errors a client can cause, in Italian. */
const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Formato della richiesta non supportato.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'La richiesta è troppo grande.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body', 'Il corpo della richiesta è vuoto.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'Il corpo della richiesta non è JSON valido.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length', 'Lunghezza della richiesta non valida.'],
};

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return send(reply, problemOf(error.status, error.code, error.message, error.fields), error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldErrors = {};
      for (const issue of error.validation) {
        const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[path] ??= issue.message ?? 'Valore non valido.';
      }
      return send(reply, problemOf(400, 'validation_failed', 'Alcuni campi non sono validi.', fields));
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return send(reply, problemOf(known[0], known[1], known[2]));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, problemOf(error.statusCode, 'bad_request', 'Richiesta non valida.'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, problemOf(500, 'internal_error', 'Si è verificato un errore interno. Riprova più tardi.'));
  });
}

export function notFoundProblem(): Problem {
  return problemOf(404, 'not_found', 'Risorsa non trovata.');
}
