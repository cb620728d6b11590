import type { Insertable, Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import type { DocumentCaller } from './document.js';
import type { DocumentRow, DocumentsTables } from './documents.tables.js';

/** SQL only: the documents table. */
export class DocumentsRepository {
  private readonly db: Kysely<DocumentsTables>;

  constructor(db: AnyDb) {
    this.db = db;
  }

  insert(row: Insertable<DocumentsTables['documents']>): Promise<DocumentRow> {
    return this.db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
  }

  findById(id: string): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The document if the caller may see it: one query, so "not yours" and "missing" look the same. */
  findVisibleTo(id: string, caller: DocumentCaller): Promise<DocumentRow | undefined> {
    return this.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('owner_user_id', '=', caller.userId),
          ...(caller.structureId ? [eb('owner_structure_id', '=', caller.structureId)] : []),
        ]),
      )
      .executeTakeFirst();
  }

  deleteById(id: string): Promise<DocumentRow | undefined> {
    return this.db.deleteFrom('documents').where('id', '=', id).returningAll().executeTakeFirst();
  }
}
