import type { Selectable } from 'kysely';

/** The documents core's one table: what each stored file is, whose it is, its SHA-256. */
export interface DocumentsTables {
  documents: {
    id: string;
    purpose: string;
    owner_structure_id: string | null;
    owner_user_id: string | null;
    original_name: string;
    media_type: string;
    extension: string;
    size_bytes: number;
    sha256: string;
    storage_key: string;
    uploaded_by: string | null;
    created_at: Date;
  };
}

export type DocumentRow = Selectable<DocumentsTables['documents']>;
