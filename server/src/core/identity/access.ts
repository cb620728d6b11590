import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/http/errors.js';
import type { Principal } from './principal.js';
import { csrfTokenFor, isWellFormedToken, safeEqual } from './session-token.js';
import type { Sessions } from './sessions.js';

/**
 * Every API route declares who may call it; a route without a declaration refuses to register.
 * - 'public': anyone (login, health, the session probe);
 * - 'user': any signed-in person (citizens included);
 * - 'admin': a platform administrator (audit log, simulated date), whatever his structure;
 * - { service }: a signed-in person whose current structure enables him for that service.
 */
export type Access = 'public' | 'user' | 'admin' | { service: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

/** The one access guard: authenticates from the session cookie, checks CSRF, then the route's access. */
export function installAccessControl(app: FastifyInstance, sessions: Sessions, secret: string): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config?.access;
    if (!access) return; // unknown API path: the 404 handler answers
    const token = request.cookies[sessions.cookieName];
    request.principal = await sessions.principalOf(token);

    if (MUTATING.has(request.method)) checkCsrf(request, sessions, secret);
    if (access === 'public') return;
    const principal = request.principal;
    if (!principal) throw new Unauthenticated();
    if (access === 'user') return;
    if (access === 'admin') {
      if (!principal.user.isAdmin) throw new Forbidden('admin_only', 'Funzione riservata agli amministratori della piattaforma.');
      return;
    }
    if (!principal.structure) throw new Forbidden('structure_required', 'Seleziona prima la struttura in cui operare.');
    if (!principal.services.has(access.service)) {
      throw new Forbidden('service_not_enabled', 'Non sei abilitato a questo servizio nella struttura selezionata.');
    }
  });
  return routes;
}

/** The CSRF token a browser must echo in X-CSRF-Token: derived from its session or pre-login cookie. */
export function expectedCsrfToken(request: FastifyRequest, sessions: Sessions, secret: string): string | null {
  const base = request.principal
    ? request.cookies[sessions.cookieName]
    : request.cookies[sessions.preLoginCookieName];
  return isWellFormedToken(base) ? csrfTokenFor(secret, base) : null;
}

function checkCsrf(request: FastifyRequest, sessions: Sessions, secret: string) {
  const expected = expectedCsrfToken(request, sessions, secret);
  const given = request.headers['x-csrf-token'];
  if (!expected || typeof given !== 'string' || !safeEqual(given, expected)) {
    throw new Forbidden('csrf_invalid', 'Richiesta non valida (token di sicurezza assente o scaduto): ricarica la pagina e riprova.');
  }
}

/** The caller of a route whose access rule is not 'public'. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Unauthenticated();
  return request.principal;
}

/** The current structure of a route guarded by a service. */
export function structureOf(request: FastifyRequest) {
  const principal = principalOf(request);
  if (!principal.structure) throw new NotFound();
  return { principal, structure: principal.structure };
}
