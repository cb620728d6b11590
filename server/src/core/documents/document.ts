import type { DocumentRow } from './documents.tables.js';

/** Whose a document is: who may download it. At least one of the two. */
export type DocumentOwner =
  | { structureId: string; userId?: string | null }
  | { structureId?: string | null; userId: string };

/** Who is asking for a document: the signed-in person and the structure he is working in. */
export interface DocumentCaller {
  userId: string;
  structureId: string | null;
}

/** A stored document as the service hands it to modules (the storage key stays inside). */
export interface DocumentRecord {
  id: string;
  purpose: string;
  ownerStructureId: string | null;
  ownerUserId: string | null;
  /** The user's file name, sanitised. */
  originalName: string;
  /** Detected from the content. */
  mediaType: string;
  extension: string;
  sizeBytes: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
  /** Null for an anonymous upload (a help-desk request filed without login). */
  uploadedBy: string | null;
  createdAt: Date;
}

export function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    purpose: row.purpose,
    ownerStructureId: row.owner_structure_id,
    ownerUserId: row.owner_user_id,
    originalName: row.original_name,
    mediaType: row.media_type,
    extension: row.extension,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** A structure's document is its members' (in that structure); a person's is his. */
export function isVisibleTo(document: Pick<DocumentRecord, 'ownerStructureId' | 'ownerUserId'>, caller: DocumentCaller): boolean {
  return (
    (document.ownerStructureId !== null && document.ownerStructureId === caller.structureId) ||
    (document.ownerUserId !== null && document.ownerUserId === caller.userId)
  );
}
