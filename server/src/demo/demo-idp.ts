import { escapeHtml } from '../shared/html.js';
import { createHash, generateKeyPairSync } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Provider, { type Configuration } from 'oidc-provider';
import type { OidcProviderConfig } from '../config.js';
import { checkFiscalCode } from '../shared/fiscal-code.js';
import { DEMO_IDENTITIES, type DemoIdentity } from './identities.js';
import { MemoryAdapter } from './demo-idp.adapter.js';
import { renderIdentityPage } from './demo-idp.page.js';

export const DEMO_IDP_PATH = '/demo-idp';

/**
 * The demo SPID/CIE identity provider: a real OpenID provider (oidc-provider) serving a page of
 * demo identities. It exists only in demo and test mode; production refuses to start with it.
 * It releases what SPID releases: fiscalNumber as "TINIT-<CF>", name, familyName, email, mobilePhone.
 */
export async function mountDemoIdentityProvider(
  app: FastifyInstance,
  options: { issuer: string; clients: { spid: OidcProviderConfig; cie: OidcProviderConfig }; redirectUri: (p: 'spid' | 'cie') => string; secret: string },
) {
  const custom = new Map<string, DemoIdentity>();
  const identityOf = (id: string) => DEMO_IDENTITIES.find((i) => i.fiscalCode === id) ?? custom.get(id);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cookieKey = createHash('sha256').update(`demo-idp:${options.secret}`).digest('hex');

  const configuration: Configuration = {
    clients: (['spid', 'cie'] as const).map((p) => ({
      client_id: options.clients[p].clientId,
      client_secret: options.clients[p].clientSecret,
      client_name: p === 'spid' ? 'Sportello (SPID)' : 'Sportello (CIE)',
      redirect_uris: [options.redirectUri(p)],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    adapter: MemoryAdapter,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    jwks: { keys: [privateKey.export({ format: 'jwk' }) as never] },
    cookies: { keys: [cookieKey] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'familyName', 'fiscalNumber', 'email', 'mobilePhone'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    // Demo identities consent implicitly: the page itself is the consent.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, id) => {
      const identity = identityOf(id);
      if (!identity) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          fiscalNumber: `TINIT-${identity.fiscalCode}`,
          name: identity.givenName,
          familyName: identity.familyName,
          email: identity.email,
          mobilePhone: identity.mobilePhone,
        }),
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Errore – Demo SPID/CIE</title></head><body><main><h1>Errore del provider di identità</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p><p><a href="/accedi">Torna alla pagina di accesso</a></p></main></body></html>`;
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = true;
  const callback = provider.callback();

  // The interaction page and its form, parsed by Fastify.
  await app.register(async (scope) => {
    await scope.register(formbody);
    scope.get<{ Params: { uid: string } }>(`${DEMO_IDP_PATH}/interaction/:uid`, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const clientId = details.params.client_id as string;
      const kind = clientId === options.clients.cie.clientId ? 'CIE' : 'SPID';
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(
        renderIdentityPage({ kind, uid: details.uid, identities: DEMO_IDENTITIES }),
      );
    });
    scope.post<{ Params: { uid: string }; Body: Record<string, string> }>(`${DEMO_IDP_PATH}/interaction/:uid/login`, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const body = request.body ?? {};
      let accountId = body.identity;
      if (body.custom === '1') {
        const check = checkFiscalCode(body.fiscalCode ?? '');
        const givenName = (body.givenName ?? '').trim();
        const familyName = (body.familyName ?? '').trim();
        if (!check.valid || !givenName || !familyName) {
          const kind = details.params.client_id === options.clients.cie.clientId ? 'CIE' : 'SPID';
          return reply.status(400).type('text/html; charset=utf-8').send(
            renderIdentityPage({ kind, uid: details.uid, identities: DEMO_IDENTITIES, error: check.valid ? 'Nome e cognome sono obbligatori.' : check.message }),
          );
        }
        custom.set(check.code, {
          fiscalCode: check.code,
          givenName,
          familyName,
          email: (body.email ?? '').trim(),
          mobilePhone: (body.mobilePhone ?? '').trim(),
          description: 'Identità personalizzata',
        });
        accountId = check.code;
      }
      const result = accountId && identityOf(accountId)
        ? { login: { accountId } }
        : { error: 'access_denied', error_description: 'Accesso annullato' };
      return finish(reply, () => provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: false }));
    });
    scope.post<{ Params: { uid: string } }>(`${DEMO_IDP_PATH}/interaction/:uid/abort`, async (request, reply) =>
      finish(reply, () =>
        provider.interactionFinished(request.raw, reply.raw, { error: 'access_denied', error_description: 'Accesso annullato dall’utente' }, { mergeWithLastSubmission: false }),
      ),
    );
  });

  // Everything else under the prefix is the provider's own (discovery, authorize, token, userinfo, jwks).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.all(`${DEMO_IDP_PATH}/*`, (request, reply) => {
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = raw.url!.slice(DEMO_IDP_PATH.length) || '/';
      callback(raw, reply.raw);
    });
  });
}

async function finish(reply: FastifyReply, run: () => Promise<void>) {
  reply.hijack();
  await run();
}

