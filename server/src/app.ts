import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { type Clock, systemClock } from './core/clock/clock.js';
import { clockRoutes } from './core/clock/clock.routes.js';
import { SimulatedClock } from './core/clock/simulated-clock.js';
import { actorOf, recordAudit } from './core/audit/audit.js';
import { auditRoutes } from './core/audit/audit.routes.js';
import { createDocuments, DiskDocumentStore, LARGEST_UPLOAD_BYTES } from './core/documents/index.js';
import { installAccessControl, type RegisteredRoute } from './core/identity/access.js';
import { accountLockKey } from './core/identity/credential-login.js';
import { identityRoutes } from './core/identity/identity.routes.js';
import { passwordRoutes } from './core/identity/password.routes.js';
import { OtpService } from './core/otp/otp.js';
import { otpDemoRoutes } from './core/otp/otp-demo.routes.js';
import { OidcLogin } from './core/identity/oidc-login.js';
import { Sessions } from './core/identity/sessions.js';
import { SessionsRepository } from './core/identity/sessions.repository.js';
import { notificationsPlugin } from './core/notifications/index.js';
import { EmployeesService } from './core/organisations/employees.js';
import { enablementsRoutes } from './core/organisations/enablements.routes.js';
import { PeopleRepository } from './core/organisations/people.repository.js';
import { StructuresRepository } from './core/organisations/structures.repository.js';
import { createClaims } from './modules/claims/index.js';
import { createHelpdesk } from './modules/helpdesk/index.js';
import { createVouchers } from './modules/vouchers/index.js';
import type { PeriodicJob } from './platform/jobs/periodic-jobs.js';
import { type Database, pingDatabase } from './platform/db/database.js';
import { renderApiReference } from './platform/http/api-reference.page.js';
import { notFoundProblem, problemSchema, registerProblemHandlers } from './platform/http/problem.js';
import { RateLimiter } from './platform/rate-limit.js';

z.config(z.locales.it());

export interface AppDeps {
  config: Config;
  database: Database;
  /** The one clock of the rules; in demo mode a SimulatedClock an administrator can move. */
  clock: Clock;
  /** Real time for security timers (session timeouts, login rate limits); defaults to the system clock. */
  realClock?: Clock;
  /** Where the built web app is; served with a fallback to index.html for client-side routes. */
  webDist?: string;
  /**
   * Benchmarks only: raises the OTP sending limits per phone and per operator, which a load test of
   * purchases by a few operators would otherwise hit in seconds. Refused in production mode.
   */
  benchOtpSendLimits?: { perPhone: number; perOperator: number };
}

export interface BuiltApp {
  app: FastifyInstance;
  /** Every API route with its access rule: the authorisation test walks them all. */
  routes: RegisteredRoute[];
  /** The modules' periodic jobs; main.ts runs them (tests call them directly). */
  jobs: PeriodicJob[];
}

/** Composition root: builds platform, core and modules with explicit dependencies. */
export async function buildApp({ config, database, clock, realClock = systemClock, webDist, benchOtpSendLimits }: AppDeps): Promise<BuiltApp> {
  if (benchOtpSendLimits && config.production) throw new Error('benchOtpSendLimits is for benchmarks: refused in production');
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.production,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  await app.register(cookie);
  // Uploads stream to the documents service, which enforces each use's own types and size. These
  // limits only bound a request: one file of one byte more than the largest use admits (so the
  // service sees the overflow and answers with the use's own limit), a few short fields.
  await app.register(multipart, {
    limits: { fileSize: LARGEST_UPLOAD_BYTES + 1, files: 1, fields: 10, fieldSize: 10_000, parts: 11, headerPairs: 50 },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        formAction: ["'self'", ...new Set([config.oidc.spid.issuer, config.oidc.cie.issuer].map((i) => new URL(i).origin))],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    hsts: config.production,
  });

  const kysely = database.kysely;
  const sessions = new Sessions(new SessionsRepository(kysely), realClock, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    secureCookies: config.production,
  });
  // The documentation's own routes are public; everything else under /api declares its access.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
    } else if (route.url.startsWith('/api/') && route.schema) {
      route.schema.response = { '4XX': problemSchema, '5XX': problemSchema, ...(route.schema.response as object) };
    }
  });
  const routes = installAccessControl(app, sessions, config.sessionSecret);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Sportello API', version: '0.1.0', description: 'API della piattaforma Sportello. Errori in formato application/problem+json.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs/swagger' });
  app.get('/api/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiReference(app.swagger() as never)),
  );
  app.get('/api/docs/json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['piattaforma'], summary: 'Stato del servizio e del database' } }, async (_request, reply) => {
    const up = await pingDatabase(database.pool);
    return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', time: clock.now().toISOString() });
  });

  const people = new PeopleRepository(kysely);
  const limiter = new RateLimiter(database.pool);
  const structures = new StructuresRepository(kysely);
  const oidcLogin = new OidcLogin({ spid: config.oidc.spid, cie: config.oidc.cie }, config.publicUrl, kysely, realClock);
  await app.register(
    identityRoutes({
      db: kysely,
      realClock,
      isClockSimulated: () => clock instanceof SimulatedClock && clock.isSimulated,
      sessions,
      people,
      structures,
      limiter,
      oidcLogin,
      clock,
      secret: config.sessionSecret,
      owner: config.owner,
      demo: config.demo,
      installedServices: new Set(['gestione-struttura', 'voucher-secondogeniti', 'gestione-programmi-voucher', 'istanza-rimborso', 'valutazione-istanze', 'sol-assistenza', 'supervisione-assistenza']),
    }),
  );
  const employees = new EmployeesService(kysely, clock, (userId, structureId) => sessions.endAllOf(userId, structureId));
  await app.register(enablementsRoutes(employees));
  await app.register(auditRoutes(kysely));
  // On disk by default; production with several instances: an S3-compatible DocumentStore.
  const documents = createDocuments({ db: kysely, store: new DiskDocumentStore(config.documentsDir), clock });
  await app.register(documents.routes);
  await app.register(
    passwordRoutes({
      db: kysely,
      limiter,
      clock,
      realClock,
      publicUrl: config.publicUrl,
      endSessions: (userId) => sessions.endAllOf(userId),
      resetLockout: (username) => limiter.reset(accountLockKey(username)),
    }),
  );

  // The bell: the caller's notifications and their live stream; in demo mode also /demo/inbox.
  const liveSessions = new SessionsRepository(kysely);
  await app.register(
    notificationsPlugin({
      database,
      clock: realClock,
      demo: config.demo,
      isSessionLive: async (idHash) => {
        const now = realClock.now();
        const idleCutoff = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
        return (await liveSessions.findLive(idHash, now, idleCutoff)) !== undefined;
      },
    }),
  );

  if (clock instanceof SimulatedClock) {
    if (config.production) throw new Error('The simulated clock is refused in production');
    // Another instance may have moved the date.
    app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/api/')) await clock.refresh();
    });
    await app.register(
      clockRoutes(clock, (request, before, after) =>
        recordAudit(kysely, actorOf(request), { action: 'clock.set', subject: { type: 'clock' }, before: { now: before }, after: { now: after } }),
      ),
    );
  }

  const otp = new OtpService({ db: kysely, clock, realClock, limiter, secret: config.sessionSecret, sendLimits: benchOtpSendLimits });
  // Modules: each gets its dependencies explicitly and registers its own routes.
  const vouchers = createVouchers({ db: kysely, clock, otp, documents });
  await app.register(vouchers.routes);
  const claims = createClaims({ db: kysely, clock, documents, publicUrl: config.publicUrl });
  await app.register(claims.routes);
  const helpdesk = createHelpdesk({
    db: kysely,
    tunedDb: (settings) => database.tuned(settings),
    clock,
    realClock,
    documents,
    limiter,
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
    closeAfterDays: config.helpdeskCloseAfterDays,
  });
  await app.register(helpdesk.routes);
  if (config.demo) {
    await app.register(otpDemoRoutes(otp, kysely));
    // oidc-provider (~30 MB in memory) loads only in demo mode.
    const { DEMO_IDP_PATH, mountDemoIdentityProvider } = await import('./demo/demo-idp.js');
    await mountDemoIdentityProvider(app, {
      issuer: `${config.publicUrl}${DEMO_IDP_PATH}`,
      clients: config.oidc,
      redirectUri: (p) => oidcLogin.redirectUri(p),
      secret: config.sessionSecret,
    });
  }

  const dist = webDist ?? resolve('web/dist');
  const hasWeb = existsSync(resolve(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: dist, index: false });
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  // Client-side routes get the app's page; a missing file (an asset, /api/…) is a plain 404.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path) || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).type('application/problem+json').send(notFoundProblem());
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return { app, routes, jobs: [...vouchers.jobs, ...claims.jobs, ...helpdesk.jobs] };
}
