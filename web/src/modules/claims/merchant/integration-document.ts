/** The integration document (seed 000 §09): one PDF; at most 10 MB, as the server admits it. */
export const INTEGRATION_MAX_BYTES = 10 * 1024 * 1024;

export type DocumentProblem = 'notPdf' | 'tooLarge' | 'empty';

/** The browser's guess (type or extension): the server checks the content anyway. */
export function integrationDocumentProblem(file: File): DocumentProblem | null {
  if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) return 'notPdf';
  if (file.size === 0) return 'empty';
  if (file.size > INTEGRATION_MAX_BYTES) return 'tooLarge';
  return null;
}

/** 1536 → "1,5 KB", 2_621_440 → "2,5 MB": Italian decimals, one digit. */
export function formatFileSize(bytes: number): string {
  const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('it-IT', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}
