import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock/clock.js';
import { ownerServices } from '../organisations/service-catalogue.js';
import { type AuthMethod, type Principal, STRUCTURE_MANAGEMENT_SERVICE } from './principal.js';
import { hashToken, isWellFormedToken, newToken } from './session-token.js';
import type { LiveSessionRow, SessionsRepository } from './sessions.repository.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
  secureCookies: boolean;
}

/** Only written once a minute: a session read on every request must not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Sessions kept in PostgreSQL behind an HttpOnly, SameSite cookie holding a random token. */
export class Sessions {
  readonly cookieName: string;
  readonly preLoginCookieName: string;

  constructor(
    private readonly repository: SessionsRepository,
    private readonly clock: Clock,
    private readonly settings: SessionSettings,
  ) {
    // __Host- cookies are only accepted over https, bound to this host and path "/".
    this.cookieName = settings.secureCookies ? '__Host-sportello_session' : 'sportello_session';
    this.preLoginCookieName = settings.secureCookies ? '__Host-sportello_pre' : 'sportello_pre';
  }

  cookieOptions(maxAgeSeconds?: number) {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.settings.secureCookies,
      ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
    };
  }

  /** Starts a session and sets its cookie; returns the token (the CSRF token derives from it). */
  async start(
    reply: FastifyReply,
    request: FastifyRequest,
    userId: string,
    authMethod: AuthMethod,
    structureId: string | null,
  ): Promise<string> {
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.settings.absoluteHours * 3600_000);
    await this.repository.create({
      id_hash: hashToken(token),
      user_id: userId,
      structure_id: structureId,
      auth_method: authMethod,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      ip: request.ip,
      user_agent: request.headers['user-agent']?.slice(0, 300) ?? null,
    });
    reply.setCookie(this.cookieName, token, this.cookieOptions(this.settings.absoluteHours * 3600));
    return token;
  }

  /** The caller of a request, or null when the cookie is absent, tampered, expired, idle or revoked. */
  async principalOf(token: string | undefined): Promise<Principal | null> {
    if (!isWellFormedToken(token)) return null;
    const now = this.clock.now();
    const idHash = hashToken(token);
    const idleCutoff = new Date(now.getTime() - this.settings.idleMinutes * 60_000);
    const row = await this.repository.findLive(idHash, now, idleCutoff);
    if (!row) return null;
    const principal = toPrincipal(idHash, row);
    if (!principal) return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await this.repository.touch(idHash, now);
    return principal;
  }

  async selectStructure(principal: Principal, structureId: string): Promise<void> {
    await this.repository.setStructure(principal.sessionIdHash, structureId);
  }

  async end(principal: Principal, reply: FastifyReply): Promise<void> {
    await this.repository.revoke(principal.sessionIdHash, this.clock.now());
    reply.clearCookie(this.cookieName, this.cookieOptions());
  }

  /** His sessions end: everywhere, or only where he works in `structureId`. */
  async endAllOf(userId: string, structureId?: string): Promise<number> {
    return this.repository.revokeForUser(userId, this.clock.now(), structureId);
  }
}

/**
 * A session whose structure enablement was disabled (or removed) is no longer a session:
 * he has to sign in again and choose among what is left.
 */
function toPrincipal(idHash: Buffer, row: LiveSessionRow): Principal | null {
  const user = {
    id: row.user_id,
    fiscalCode: row.fiscal_code,
    givenName: row.given_name,
    familyName: row.family_name,
    isAdmin: row.is_admin,
  };
  if (!row.structure_id) {
    return { sessionIdHash: idHash, authMethod: row.auth_method, user, structure: null, services: new Set() };
  }
  const isMember = row.role !== null && row.membership_disabled === false;
  if (!isMember && !row.is_admin) return null;
  const services = new Set(isMember ? row.services : []);
  if (row.is_admin) services.add(STRUCTURE_MANAGEMENT_SERVICE);
  if (isMember && row.role === 'owner') for (const service of ownerServices(row.structure_kind ?? '')) services.add(service);
  return {
    sessionIdHash: idHash,
    authMethod: row.auth_method,
    user,
    structure: {
      id: row.structure_id,
      name: row.structure_name ?? '',
      kind: row.structure_kind ?? '',
      role: isMember ? (row.role as 'owner' | 'operator') : 'admin',
    },
    services,
  };
}

