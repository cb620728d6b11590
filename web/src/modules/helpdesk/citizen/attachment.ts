/**
 * "Allegato" (seed 004 §2.2): one optional file, "Estensioni accettate: pdf, doc, docx, xls, xlsx,
 * zip, png, gif, jpeg", "Dimensione massima 1MB" — as HELPDESK_ATTACHMENT_POLICY on the server,
 * which checks the content anyway: here only the name and size, to say it before the upload.
 */
export const ATTACHMENT_MAX_BYTES = 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'png', 'gif', 'jpeg', 'jpg'] as const;
/** For the file picker: extensions, so every browser filters the same way. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

export type AttachmentProblem = 'type' | 'empty' | 'tooLarge';

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function attachmentProblem(file: { name: string; size: number }): AttachmentProblem | null {
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(fileExtension(file.name))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooLarge';
  return null;
}

/** 1536 → "1,5 KB", 1_572_864 → "1,5 MB": Italian decimals, one digit. */
export function formatFileSize(bytes: number): string {
  const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('it-IT', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}

/** Sent and total bytes → whole percent, 0–100. */
export function uploadPercent(sent: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((sent / total) * 100)));
}
