/** Where the merchant pages live (the service's path in the catalogue is /voucher-secondogeniti). */
export const SERVICE_PATH = '/voucher-secondogeniti';
export const voucherPath = (voucherId: string) => `${SERVICE_PATH}/voucher/${voucherId}`;
export const purchasePath = (voucherId: string) => `${voucherPath(voucherId)}/acquisto`;
export const authorisePath = (voucherId: string, movementId: string) => `${voucherPath(voucherId)}/autorizza/${movementId}`;
export const cancellationPath = (voucherId: string, movementId: string) => `${voucherPath(voucherId)}/cancella/${movementId}`;
