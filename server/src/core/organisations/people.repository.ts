import type { AnyDb } from '../../platform/db/database.js';
import type { Kysely } from 'kysely';
import type { DirectoryTables, UserRow } from './directory.tables.js';

export interface IdentityClaims {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email: string | null;
  mobilePhone: string | null;
}

/** SQL only: people, found by codice fiscale (SPID/CIE) or by username (credentials). */
export class PeopleRepository {
  private readonly db: Kysely<DirectoryTables>;

  constructor(db: AnyDb) {
    this.db = db;
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByFiscalCode(fiscalCode: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('fiscal_code', '=', fiscalCode).executeTakeFirst();
  }

  findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst();
  }

  async setPasswordHash(userId: string, passwordHash: string, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
  }

  /**
   * The person a SPID/CIE identity belongs to, created on first sign-in; name and contacts are
   * refreshed from the identity provider, which is authoritative for them.
   */
  async upsertFromIdentity(claims: IdentityClaims, now: Date): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({
        fiscal_code: claims.fiscalCode,
        given_name: claims.givenName,
        family_name: claims.familyName,
        email: claims.email,
        mobile_phone: claims.mobilePhone,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('fiscal_code').doUpdateSet((eb) => ({
          given_name: eb.ref('excluded.given_name'),
          family_name: eb.ref('excluded.family_name'),
          email: eb.fn.coalesce('excluded.email', 'users.email'),
          mobile_phone: eb.fn.coalesce('excluded.mobile_phone', 'users.mobile_phone'),
          updated_at: now,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
