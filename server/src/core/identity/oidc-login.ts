import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { OidcProviderConfig } from '../../config.js';
import type { Clock } from '../clock/clock.js';
import { checkFiscalCode } from '../../shared/fiscal-code.js';
import type { IdentityClaims } from '../organisations/people.repository.js';
import { hashToken, newToken } from './session-token.js';

export type IdentityProviderName = 'spid' | 'cie';

export interface OidcLoginTables {
  oidc_logins: {
    id_hash: Buffer;
    provider: string;
    state: string;
    nonce: string;
    code_verifier: string;
    expires_at: Date;
  };
}

export class LoginFailed extends Error {
  constructor(
    readonly reason: 'login_expired' | 'login_failed' | 'login_cancelled',
    detail: string,
  ) {
    super(detail);
  }
}

const LOGIN_TTL_MS = 10 * 60_000;

/**
 * SPID and CIE through OpenID Connect as a relying party: authorization code with PKCE, state and
 * nonce. The login in flight lives in PostgreSQL (keyed by a short-lived cookie), so the callback
 * may reach any instance.
 */
export class OidcLogin {
  private readonly configurations = new Map<IdentityProviderName, Promise<oidc.Configuration>>();

  constructor(
    private readonly providers: Record<IdentityProviderName, OidcProviderConfig>,
    private readonly publicUrl: string,
    private readonly db: Kysely<OidcLoginTables>,
    private readonly clock: Clock,
  ) {}

  redirectUri(provider: IdentityProviderName): string {
    return `${this.publicUrl}/api/auth/oidc/${provider}/callback`;
  }

  /** Discovery happens on first use: the demo provider is served by this very process. */
  private configuration(provider: IdentityProviderName): Promise<oidc.Configuration> {
    let config = this.configurations.get(provider);
    if (!config) {
      const p = this.providers[provider];
      const url = new URL(p.issuer);
      config = oidc.discovery(url, p.clientId, undefined, oidc.ClientSecretBasic(p.clientSecret), {
        execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
      config.catch(() => this.configurations.delete(provider));
      this.configurations.set(provider, config);
    }
    return config;
  }

  /** Returns the IdP URL to send the browser to and the cookie value that identifies this login. */
  async start(provider: IdentityProviderName): Promise<{ url: string; loginToken: string }> {
    const config = await this.configuration(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const loginToken = newToken();
    await this.db
      .insertInto('oidc_logins')
      .values({
        id_hash: hashToken(loginToken),
        provider,
        state,
        nonce,
        code_verifier: codeVerifier,
        expires_at: new Date(this.clock.now().getTime() + LOGIN_TTL_MS),
      })
      .execute();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(provider),
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      prompt: 'login',
    });
    return { url: url.href, loginToken };
  }

  /** Completes the login: single use of the stored transaction, code exchange, userinfo. */
  async finish(provider: IdentityProviderName, loginToken: string | undefined, callbackPathAndQuery: string): Promise<IdentityClaims> {
    if (!loginToken) throw new LoginFailed('login_expired', 'no login in flight');
    const login = await this.db
      .deleteFrom('oidc_logins')
      .where('id_hash', '=', hashToken(loginToken))
      .returningAll()
      .executeTakeFirst();
    if (!login || login.provider !== provider || login.expires_at <= this.clock.now()) {
      throw new LoginFailed('login_expired', 'login transaction missing or expired');
    }
    const config = await this.configuration(provider);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackPathAndQuery, this.publicUrl), {
        pkceCodeVerifier: login.code_verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const sub = tokens.claims()?.sub;
      if (!sub) throw new Error('no subject');
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, sub)) };
    } catch (error) {
      // The person pressed "Annulla" at the identity provider.
      if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied') {
        throw new LoginFailed('login_cancelled', error.error_description ?? 'access denied');
      }
      throw new LoginFailed('login_failed', (error as Error).message);
    }
    return identityFromClaims(claims);
  }
}

/** SPID sends the codice fiscale as "TINIT-<CF>"; anything else is refused. */
export function identityFromClaims(claims: Record<string, unknown>): IdentityClaims {
  const raw = typeof claims.fiscalNumber === 'string' ? claims.fiscalNumber : '';
  const check = checkFiscalCode(raw.replace(/^TINIT-/, ''));
  const givenName = typeof claims.name === 'string' ? claims.name.trim() : '';
  const familyName = typeof claims.familyName === 'string' ? claims.familyName.trim() : '';
  if (!check.valid || !givenName || !familyName) {
    throw new LoginFailed('login_failed', 'identity without a valid fiscalNumber, name and familyName');
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    fiscalCode: check.code,
    givenName,
    familyName,
    email: text(claims.email),
    mobilePhone: text(claims.mobilePhone),
  };
}
