import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuthMethod } from './principal.js';

export interface SessionTables {
  sessions: {
    id_hash: Buffer;
    user_id: string;
    structure_id: string | null;
    auth_method: AuthMethod;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
    ip: string | null;
    user_agent: string | null;
  };
}

export interface LiveSessionRow {
  user_id: string;
  structure_id: string | null;
  auth_method: AuthMethod;
  last_seen_at: Date;
  fiscal_code: string | null;
  given_name: string;
  family_name: string;
  is_admin: boolean;
  structure_name: string | null;
  structure_kind: string | null;
  role: 'owner' | 'operator' | null;
  membership_disabled: boolean | null;
  services: string[];
}

/** SQL only: the sessions table and the one query that rebuilds a caller from his cookie. */
export class SessionsRepository {
  constructor(private readonly db: Kysely<SessionTables>) {}

  async create(row: SessionTables['sessions']): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** A session alive at `now`: not revoked, not past its absolute expiry nor its idle timeout. */
  async findLive(idHash: Buffer, now: Date, idleCutoff: Date): Promise<LiveSessionRow | undefined> {
    const result = await sql<LiveSessionRow>`
      SELECT s.user_id, s.structure_id, s.auth_method, s.last_seen_at,
             u.fiscal_code, u.given_name, u.family_name, u.is_admin,
             o.name AS structure_name, o.kind AS structure_kind,
             m.role, (m.disabled_at IS NOT NULL) AS membership_disabled,
             COALESCE((SELECT array_agg(ms.service_code ORDER BY ms.service_code) FROM membership_services ms
                        WHERE ms.organisation_id = s.structure_id AND ms.user_id = s.user_id), '{}') AS services
        FROM sessions s
        JOIN users u ON u.id = s.user_id
        LEFT JOIN organisations o ON o.id = s.structure_id
        LEFT JOIN memberships m ON m.organisation_id = s.structure_id AND m.user_id = s.user_id
       WHERE s.id_hash = ${idHash} AND s.revoked_at IS NULL
         AND s.expires_at > ${now} AND s.last_seen_at > ${idleCutoff}`.execute(this.db);
    return result.rows[0];
  }

  async touch(idHash: Buffer, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }

  async setStructure(idHash: Buffer, structureId: string): Promise<void> {
    await this.db.updateTable('sessions').set({ structure_id: structureId }).where('id_hash', '=', idHash).execute();
  }

  async revoke(idHash: Buffer, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('id_hash', '=', idHash)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every live session of a user, or only those working in one structure. */
  async revokeForUser(userId: string, now: Date, structureId?: string): Promise<number> {
    let query = this.db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (structureId) query = query.where('structure_id', '=', structureId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
