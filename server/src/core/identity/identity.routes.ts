import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnyDb } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/errors.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { Clock } from '../clock/clock.js';
import type { PeopleRepository } from '../organisations/people.repository.js';
import { SERVICE_CATALOGUE } from '../organisations/service-catalogue.js';
import type { StructuresRepository } from '../organisations/structures.repository.js';
import { principalOf } from './access.js';
import { verifyCredentials } from './credential-login.js';
import { type IdentityProviderName, LoginFailed, type OidcLogin } from './oidc-login.js';
import { csrfTokenFor, isWellFormedToken, newToken } from './session-token.js';
import type { Sessions } from './sessions.js';
import { signIn } from './sign-in.js';

export interface IdentityRouteDeps {
  db: AnyDb;
  sessions: Sessions;
  people: PeopleRepository;
  structures: StructuresRepository;
  limiter: RateLimiter;
  oidcLogin: OidcLogin;
  clock: Clock;
  /** Real time, for security timers (login rate limits), unaffected by the simulated date. */
  realClock: Clock;
  secret: string;
  owner: { name: string; url: string };
  demo: boolean;
  /** True while the demo's "Data simulata" differs from the real date. */
  isClockSimulated: () => boolean;
  /** Service codes whose module is installed: their tiles are live. */
  installedServices: ReadonlySet<string>;
}

const OIDC_COOKIE = 'sportello_oidc';

/** The platform administrator's own tiles, whatever structure he is in. */
function adminTools(demo: boolean) {
  return [
    { code: 'registro-attivita', name: 'Registro attività', description: 'Chi ha fatto cosa, quando: ricerca per persona, struttura, azione e periodo.', path: '/amministrazione/registro-attivita', available: true },
    ...(demo ? [{ code: 'data-simulata', name: 'Data simulata', description: 'Imposta la data della piattaforma per provare le regole che dipendono dal tempo.', path: '/amministrazione/data-simulata', available: true }] : []),
  ];
}
const providerParam = z.object({ provider: z.enum(['spid', 'cie']) });

/** Sign-in (SPID/CIE, credentials), the session probe, structure selection, sign-out. */
export function identityRoutes(deps: IdentityRouteDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const { sessions } = deps;

    app.get('/api/session', { config: { access: 'public' }, schema: { tags: ['sessione'], summary: 'La sessione corrente, le strutture e i servizi' } }, async (request, reply) => {
      const principal = request.principal;
      if (!principal && request.cookies[sessions.cookieName]) {
        reply.clearCookie(sessions.cookieName, sessions.cookieOptions());
      }
      let csrfBase = principal ? request.cookies[sessions.cookieName] : request.cookies[sessions.preLoginCookieName];
      if (!isWellFormedToken(csrfBase)) {
        csrfBase = newToken();
        reply.setCookie(sessions.preLoginCookieName, csrfBase, sessions.cookieOptions());
      }
      const structures = principal
        ? principal.user.isAdmin
          ? await deps.structures.listAll()
          : await deps.structures.listEnabledFor(principal.user.id)
        : [];
      reply.header('cache-control', 'no-store');
      return {
        csrfToken: csrfTokenFor(deps.secret, csrfBase),
        user: principal?.user ?? null,
        authMethod: principal?.authMethod ?? null,
        structure: principal?.structure ?? null,
        structures,
        services: SERVICE_CATALOGUE.filter((s) => principal?.services.has(s.code)).map((s) => ({
          code: s.code,
          name: s.name,
          description: s.description,
          path: s.path,
          available: deps.installedServices.has(s.code),
        })).concat(principal?.user.isAdmin ? adminTools(deps.demo) : []),
        clock: { now: deps.clock.now().toISOString(), simulated: deps.isClockSimulated() },
        owner: deps.owner,
        demo: deps.demo,
      };
    });

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['sessione'],
          summary: 'Accesso con username, password ed eventuale PIN',
          body: z.object({
            username: z.string().trim().min(1, 'Inserisci lo username.').max(100),
            password: z.string().min(1, 'Inserisci la password.').max(200),
            pin: z.string().max(20).optional(),
          }),
        },
      },
      async (request, reply) => {
        const { user, method } = await verifyCredentials({ ...deps, clock: deps.realClock }, request.body, request.ip);
        if (request.principal) await sessions.end(request.principal, reply);
        const token = await signIn(deps, request, reply, { id: user.id, isAdmin: user.is_admin, fiscalCode: user.fiscal_code, name: `${user.given_name} ${user.family_name}` }, method, true);
        return { csrfToken: csrfTokenFor(deps.secret, token) };
      },
    );

    app.get('/api/auth/oidc/:provider/start', { config: { access: 'public' }, schema: { tags: ['sessione'], summary: 'Avvia l’accesso con SPID o CIE', params: providerParam } }, async (request, reply) => {
      const { url, loginToken } = await deps.oidcLogin.start(request.params.provider);
      reply.setCookie(OIDC_COOKIE, loginToken, { ...sessions.cookieOptions(600), path: '/api/auth/oidc' });
      return reply.redirect(url);
    });

    app.get('/api/auth/oidc/:provider/callback', { config: { access: 'public' }, schema: { tags: ['sessione'], summary: 'Ritorno dal provider SPID o CIE', params: providerParam } }, async (request, reply) => {
      const provider: IdentityProviderName = request.params.provider;
      reply.clearCookie(OIDC_COOKIE, { ...sessions.cookieOptions(), path: '/api/auth/oidc' });
      try {
        const identity = await deps.oidcLogin.finish(provider, request.cookies[OIDC_COOKIE], request.url);
        const user = await deps.people.upsertFromIdentity(identity, deps.clock.now());
        if (request.principal) await sessions.end(request.principal, reply);
        await signIn(deps, request, reply, { id: user.id, isAdmin: user.is_admin, fiscalCode: user.fiscal_code, name: `${user.given_name} ${user.family_name}` }, provider, false);
        return reply.redirect('/');
      } catch (error) {
        if (error instanceof LoginFailed) {
          request.log.warn({ reason: error.reason, detail: error.message }, 'oidc login failed');
          return reply.redirect(`/accedi?errore=${error.reason}`);
        }
        if ((error as { code?: string }).code === 'user_disabled') return reply.redirect('/accedi?errore=user_disabled');
        throw error;
      }
    });

    app.post('/api/auth/logout', { config: { access: 'user' }, schema: { tags: ['sessione'], summary: 'Esci' } }, async (request, reply) => {
      await sessions.end(principalOf(request), reply);
      return reply.status(204).send();
    });

    app.post(
      '/api/session/structure',
      {
        config: { access: 'user' },
        schema: {
          tags: ['sessione'],
          summary: 'Seleziona Struttura',
          body: z.object({ structureId: z.string().uuid('Struttura non valida.') }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const allowed = principal.user.isAdmin
          ? await deps.structures.findById(request.body.structureId)
          : (await deps.structures.listEnabledFor(principal.user.id)).find((s) => s.id === request.body.structureId);
        if (!allowed) throw new NotFound('Struttura non trovata.');
        await sessions.selectStructure(principal, allowed.id);
        return reply.status(204).send();
      },
    );
  };
}
