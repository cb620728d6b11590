/** Where the merchant's claim pages live (the service's path in the catalogue is /istanze-rimborso). */
export const CLAIMS_MERCHANT_PATH = '/istanze-rimborso';
export const CLAIMS_MERCHANT_SERVICE = 'istanza-rimborso';
export const newClaimPath = `${CLAIMS_MERCHANT_PATH}/nuova`;
export const claimPath = (claimId: string) => `${CLAIMS_MERCHANT_PATH}/${claimId}`;
export const rectifyPath = (claimId: string) => `${claimPath(claimId)}/rettifica`;
