import type { AnyDb } from '../../platform/db/database.js';
import { type Kysely, sql } from 'kysely';
import type { DirectoryTables, OrganisationKind } from './directory.tables.js';

export interface StructureSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  role: 'owner' | 'operator' | 'admin';
}

export interface EmployeeRow {
  user_id: string;
  fiscal_code: string | null;
  given_name: string;
  family_name: string;
  role: 'owner' | 'operator';
  disabled_at: Date | null;
  services: string[];
}

/** SQL only: structures, memberships and the services associated to each employee. */
export class StructuresRepository {
  private readonly db: Kysely<DirectoryTables>;

  constructor(db: AnyDb) {
    this.db = db;
  }

  /** The structures a person may work in: his enabled memberships. */
  listEnabledFor(userId: string): Promise<StructureSummary[]> {
    return this.db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.name', 'o.kind', 'm.role'])
      .where('m.user_id', '=', userId)
      .where('m.disabled_at', 'is', null)
      .orderBy('o.name')
      .execute();
  }

  /** Administrators may enter every structure to manage its enablements. */
  async listAll(): Promise<StructureSummary[]> {
    const rows = await this.db.selectFrom('organisations').select(['id', 'name', 'kind']).orderBy('name').execute();
    return rows.map((r) => ({ ...r, role: 'admin' as const }));
  }

  async countMemberships(userId: string): Promise<{ total: number; enabled: number }> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>('organisation_id').filterWhere('disabled_at', 'is', null).as('enabled'),
      ])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return { total: Number(row.total), enabled: Number(row.enabled) };
  }

  findById(id: string) {
    return this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listEmployees(
    structureId: string,
    options: { query?: string; limit: number; offset: number },
  ): Promise<{ rows: EmployeeRow[]; total: number }> {
    let base = this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .where('m.organisation_id', '=', structureId);
    const q = options.query?.trim();
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) =>
        eb.or([
          eb('u.fiscal_code', 'ilike', pattern),
          eb('u.given_name', 'ilike', pattern),
          eb('u.family_name', 'ilike', pattern),
          eb(sql<string>`u.given_name || ' ' || u.family_name`, 'ilike', pattern),
          eb(sql<string>`u.family_name || ' ' || u.given_name`, 'ilike', pattern),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      base
        .select([
          'u.id as user_id',
          'u.fiscal_code',
          'u.given_name',
          'u.family_name',
          'm.role',
          'm.disabled_at',
          sql<string[]>`COALESCE((SELECT array_agg(ms.service_code ORDER BY ms.service_code) FROM membership_services ms
                    WHERE ms.organisation_id = m.organisation_id AND ms.user_id = m.user_id), '{}')`.as('services'),
        ])
        .orderBy('u.family_name')
        .orderBy('u.given_name')
        .orderBy('u.id')
        .limit(options.limit)
        .offset(options.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async findEmployee(structureId: string, userId: string): Promise<EmployeeRow | undefined> {
    return this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select([
        'u.id as user_id',
        'u.fiscal_code',
        'u.given_name',
        'u.family_name',
        'm.role',
        'm.disabled_at',
        sql<string[]>`COALESCE((SELECT array_agg(ms.service_code ORDER BY ms.service_code) FROM membership_services ms
                  WHERE ms.organisation_id = m.organisation_id AND ms.user_id = m.user_id), '{}')`.as('services'),
      ])
      .where('m.organisation_id', '=', structureId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Adds a membership; false when he is already an employee of the structure. */
  async addMembership(structureId: string, userId: string, role: 'owner' | 'operator', now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('memberships')
      .values({ organisation_id: structureId, user_id: userId, role, created_at: now, disabled_at: null })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async grantService(structureId: string, userId: string, serviceCode: string, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('membership_services')
      .values({ organisation_id: structureId, user_id: userId, service_code: serviceCode, granted_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async revokeService(structureId: string, userId: string, serviceCode: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('membership_services')
      .where('organisation_id', '=', structureId)
      .where('user_id', '=', userId)
      .where('service_code', '=', serviceCode)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async setDisabled(structureId: string, userId: string, disabledAt: Date | null): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ disabled_at: disabledAt })
      .where('organisation_id', '=', structureId)
      .where('user_id', '=', userId)
      .execute();
  }
}
