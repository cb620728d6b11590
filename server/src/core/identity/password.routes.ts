import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../audit/audit.js';
import { type PasswordResetDeps, checkResetLink, requestPasswordReset, resetPassword } from './password-reset.js';
import { PASSWORD_POLICY_TEXT } from './password-policy.js';
import { fiscalCodeSchema } from '../organisations/fiscal-code.schema.js';

const tags = ['password'];
const ACCEPTED =
  'Se i dati corrispondono a un’utenza con password, riceverai a breve un’e-mail con il collegamento per impostarne una nuova. Il collegamento vale 30 minuti.';

const name = (label: string) => z.string().trim().min(1, `${label} è obbligatorio.`).max(100);
const token = z.string().min(10, 'Collegamento non valido.').max(200);

/** "Ho smarrito la password": the request, the link check, the new password. */
export function passwordRoutes(deps: PasswordResetDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/auth/password/forgot',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Ho smarrito la password: invia il collegamento per impostarne una nuova',
          body: z.object({
            givenName: name('Il nome'),
            familyName: name('Il cognome'),
            fiscalCode: fiscalCodeSchema,
          }),
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body, actorOf(request));
        // The same answer whether or not the person exists.
        return reply.status(202).send({ message: ACCEPTED });
      },
    );

    app.get(
      '/api/auth/password/reset',
      { config: { access: 'public' }, schema: { tags, summary: 'Verifica il collegamento e restituisce i requisiti della password', querystring: z.object({ token }) } },
      async (request) => {
        await checkResetLink(deps, request.query.token);
        return { valid: true, policy: PASSWORD_POLICY_TEXT };
      },
    );

    app.post(
      '/api/auth/password/reset',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Imposta la nuova password con il collegamento ricevuto',
          body: z.object({
            token,
            password: z.string().min(1, 'Inserisci la nuova password.').max(200),
            passwordConfirmation: z.string().min(1, 'Ripeti la nuova password.').max(200),
          }),
        },
      },
      async (request, reply) => {
        await resetPassword(deps, request.body, actorOf(request));
        return reply.status(204).send();
      },
    );
  };
}
