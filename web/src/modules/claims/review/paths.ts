/** Where the region's pages for evaluating reimbursement claims live (the service's path in the catalogue). */
export const CLAIMS_REVIEW_PATH = '/valutazione-istanze';
export const CLAIMS_REVIEW_SERVICE = 'valutazione-istanze';
export const claimPath = (claimId: string) => `${CLAIMS_REVIEW_PATH}/${encodeURIComponent(claimId)}`;
export const batchesPath = `${CLAIMS_REVIEW_PATH}/decreti`;
export const newBatchPath = (claimIds: readonly string[]) => `${batchesPath}/nuovo?${new URLSearchParams({ ids: claimIds.join(',') }).toString()}`;

/** The claim ids of "Inoltra per decreto di pagamento" (?ids=a,b,c): trimmed, without blanks or repeats. */
export function parseClaimIds(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
}
