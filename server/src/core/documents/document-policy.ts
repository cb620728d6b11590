/**
 * What a use of the documents service admits: the file types (checked from the content) and the
 * maximum size. Each module declares its own policy and passes it to `upload`; the service holds
 * no list of uses.
 */

/** The file types a policy may admit, with what we answer on download. */
export const DOCUMENT_TYPES = {
  pdf: { label: 'PDF', mediaType: 'application/pdf', extension: 'pdf' },
  jpeg: { label: 'JPEG', mediaType: 'image/jpeg', extension: 'jpg' },
  png: { label: 'PNG', mediaType: 'image/png', extension: 'png' },
  gif: { label: 'GIF', mediaType: 'image/gif', extension: 'gif' },
  doc: { label: 'DOC', mediaType: 'application/msword', extension: 'doc' },
  docx: { label: 'DOCX', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xls: { label: 'XLS', mediaType: 'application/vnd.ms-excel', extension: 'xls' },
  xlsx: { label: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  zip: { label: 'ZIP', mediaType: 'application/zip', extension: 'zip' },
} as const satisfies Record<string, { label: string; mediaType: string; extension: string }>;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** Shown inline when asked (a PES "Visualizza"); everything else is always an attachment. */
export const VIEWABLE_TYPES: ReadonlySet<DocumentType> = new Set(['pdf', 'jpeg', 'png', 'gif']);

export interface DocumentPolicy {
  /** Stable code recorded on the document, e.g. 'purchase-receipt' (lower case, digits, dashes). */
  purpose: string;
  /** What the user is uploading, in Italian, for messages and logs. */
  label: string;
  allowedTypes: readonly DocumentType[];
  /** Inclusive limit in bytes; "5 MB" means 5 × 1024 × 1024 bytes (the more lenient reading). */
  maxBytes: number;
}

const MB = 1024 * 1024;

/** Scontrino of a purchase (seed 000). */
export const PURCHASE_RECEIPT_POLICY: DocumentPolicy = {
  purpose: 'purchase-receipt',
  label: 'Scontrino',
  allowedTypes: ['jpeg', 'png', 'pdf'],
  maxBytes: 5 * MB,
};

/** The one PDF that integrates a claim left "Da integrare" (seed 000). */
export const CLAIM_INTEGRATION_POLICY: DocumentPolicy = {
  purpose: 'claim-integration',
  label: 'Integrazione dell’istanza',
  allowedTypes: ['pdf'],
  maxBytes: 10 * MB,
};

/** Documents of a service project (PES): PDF only, at most 2 MB (seed 003). */
export const PES_DOCUMENT_POLICY: DocumentPolicy = {
  purpose: 'pes-document',
  label: 'Documento del PES',
  allowedTypes: ['pdf'],
  maxBytes: 2 * MB,
};

/** Attachments of a help-desk ticket (seed 004). */
export const HELPDESK_ATTACHMENT_POLICY: DocumentPolicy = {
  purpose: 'helpdesk-attachment',
  label: 'Allegato della segnalazione',
  allowedTypes: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'png', 'gif', 'jpeg'],
  maxBytes: 1 * MB,
};

export const DOCUMENT_POLICIES = [PURCHASE_RECEIPT_POLICY, CLAIM_INTEGRATION_POLICY, PES_DOCUMENT_POLICY, HELPDESK_ATTACHMENT_POLICY] as const;

/**
 * The largest file any policy admits: the multipart parser's own limit is sized on it, so that
 * the service (which knows the use) is the one that answers with the use's limit.
 */
export const LARGEST_UPLOAD_BYTES = Math.max(...DOCUMENT_POLICIES.map((p) => p.maxBytes));

/** "5 MB", "1,5 MB", "500 KB": the size as the messages show it. */
export function formatSize(bytes: number): string {
  const format = (n: number) => n.toLocaleString('it-IT', { maximumFractionDigits: 1 });
  return bytes >= MB ? `${format(bytes / MB)} MB` : `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** "PDF", "PDF e PNG", "PDF, JPEG e PNG": always in the order of DOCUMENT_TYPES. */
export function listTypes(types: readonly DocumentType[]): string {
  const labels = (Object.keys(DOCUMENT_TYPES) as DocumentType[]).filter((t) => types.includes(t)).map((t) => DOCUMENT_TYPES[t].label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} e ${labels.at(-1)}`;
}
