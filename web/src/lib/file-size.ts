/** 2_621_440 → "2,5 MB": a document's size in Italian decimals, one digit at most. */
export function formatFileSize(bytes: number): string {
  const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('it-IT', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}
