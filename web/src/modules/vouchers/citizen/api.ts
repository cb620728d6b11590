import { useQuery } from '@tanstack/react-query';
import { api } from '../../../core/api/client';

export type VoucherState = 'attivo' | 'non_attivo' | 'scaduto' | 'esaurito';

/** A voucher of the signed-in person (GET /api/me/vouchers, /api/me/vouchers/:id). */
export interface MyVoucher {
  id: string;
  /** "ID Voucher" */
  code: string;
  programName: string;
  initialCents: number;
  usedCents: number;
  availableCents: number;
  /** "YYYY-MM-DD" */
  activationDate: string;
  expiryDate: string;
  state: VoucherState;
}

export interface MyMovement {
  id: string;
  code: string;
  /** ISO instant */
  createdAt: string;
  merchantName: string | null;
  kind: 'acquisto' | 'cancellazione';
  status: 'in_attesa' | 'confermato' | 'rilasciato';
  amountCents: number;
  hasReceipt: boolean;
}

export interface MyVoucherDetail {
  today: string;
  voucher: MyVoucher;
  movements: { items: MyMovement[]; total: number; page: number; pageSize: number };
}

export const MOVEMENTS_PAGE_SIZE = 10;

/** Query keys of the citizen's own vouchers. */
export const myVoucherKeys = {
  all: ['my-vouchers'] as const,
  summary: () => [...myVoucherKeys.all, 'summary'] as const,
  list: () => [...myVoucherKeys.all, 'list'] as const,
  detail: (id: string, page: number) => [...myVoucherKeys.all, 'detail', id, page] as const,
};

/** How many vouchers he has: decides whether the home page offers "I miei voucher". */
export function useMyVoucherCount(enabled: boolean) {
  return useQuery({
    queryKey: myVoucherKeys.summary(),
    queryFn: ({ signal }) => api.get<{ count: number }>('/api/me/vouchers/summary', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useMyVouchers() {
  return useQuery({
    queryKey: myVoucherKeys.list(),
    queryFn: ({ signal }) => api.get<{ today: string; items: MyVoucher[] }>('/api/me/vouchers', { signal }),
  });
}

export function useMyVoucher(id: string, page: number) {
  return useQuery({
    queryKey: myVoucherKeys.detail(id, page),
    queryFn: ({ signal }) =>
      api.get<MyVoucherDetail>(`/api/me/vouchers/${encodeURIComponent(id)}`, { query: { page, pageSize: MOVEMENTS_PAGE_SIZE }, signal }),
    // While the next page loads, the current one stays (for this voucher only).
    placeholderData: (previous) => (previous?.voucher.id === id ? previous : undefined),
  });
}

/** Where the receipt of one of his purchases is shown (inline, in a new window). */
export function receiptUrl(voucherId: string, movementId: string): string {
  return `/api/me/vouchers/${encodeURIComponent(voucherId)}/movements/${encodeURIComponent(movementId)}/receipt`;
}
