/** The citizen's pages, in Italian like the rest of the app's addresses. */
export const MY_VOUCHERS_PATH = '/i-miei-voucher';

export function myVoucherPath(voucherId: string): string {
  return `${MY_VOUCHERS_PATH}/${encodeURIComponent(voucherId)}`;
}
