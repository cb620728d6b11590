import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnyDb } from '../../platform/db/database.js';
import { Forbidden } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StructuresRepository } from '../organisations/structures.repository.js';
import type { AuthMethod } from './principal.js';
import type { Sessions } from './sessions.js';

export const USER_DISABLED_MESSAGE =
  'La tua utenza è disabilitata in tutte le strutture a cui eri associato. Rivolgiti al titolare della struttura.';

/**
 * After an identity is proven: refuses a person whose every enablement was disabled, then starts
 * the session, choosing the structure at once when there is only one.
 * `needsStructure`: credential accounts exist only to work in a structure; SPID/CIE also serve citizens.
 */
export async function signIn(
  deps: { sessions: Sessions; structures: StructuresRepository; db: AnyDb },
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; isAdmin: boolean; fiscalCode: string | null; name: string },
  method: AuthMethod,
  needsStructure: boolean,
): Promise<string> {
  const [enabled, counts] = await Promise.all([
    deps.structures.listEnabledFor(user.id),
    deps.structures.countMemberships(user.id),
  ]);
  if (!user.isAdmin && enabled.length === 0 && (counts.total > 0 || needsStructure)) {
    throw new Forbidden('user_disabled', USER_DISABLED_MESSAGE);
  }
  const only = !user.isAdmin && enabled.length === 1 ? enabled[0]!.id : null;
  const token = await deps.sessions.start(reply, request, user.id, method, only);
  await recordAudit(
    deps.db,
    { userId: user.id, name: user.name, structureId: null, structureName: null, ip: request.ip },
    { action: 'session.login', subject: { type: 'user', id: user.id }, personFiscalCode: user.fiscalCode, after: { method, structureId: only } },
  );
  return token;
}
