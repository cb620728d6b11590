import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../core/api/client';

/** Glossary: voucher = voucher, beneficiario = beneficiary, esercente = merchant, movimento = movement. */
export type MovementKind = 'acquisto' | 'cancellazione';
export type MovementStatus = 'in_attesa' | 'confermato' | 'rilasciato';
export type VoucherState = 'attivo' | 'non_attivo' | 'scaduto' | 'esaurito';
export type MovementAction = 'visualizza-scontrino' | 'autorizza-pagamento' | 'cancella-movimento';

export interface MerchantVoucher {
  id: string;
  code: string;
  givenName: string;
  familyName: string;
  fiscalCode: string;
  healthCardNumber: string;
  initialCents: number;
  availableCents: number;
  usedCents: number;
  activationDate: string;
  expiryDate: string;
  state: VoucherState;
}

/** A row of "Transazioni per esercente": this merchant's movements on the voucher. */
export interface MerchantTransaction {
  id: string;
  code: string;
  createdAt: string;
  merchantName: string;
  kind: MovementKind;
  status: MovementStatus;
  amountCents: number;
  cancelled: boolean;
  /** What the actions menu offers: computed by the server, which accepts exactly these. */
  actions: MovementAction[];
}

export interface VoucherView {
  voucher: MerchantVoucher;
  /** Today in Rome on the platform's clock ("data acquisto" of a purchase made now). */
  today: string;
  movements: MerchantTransaction[];
}

export type BeneficiaryQuery = { fiscalCode: string } | { healthCard: string };

export function searchBeneficiary(query: BeneficiaryQuery): Promise<VoucherView> {
  return api.get<VoucherView>('/api/vouchers/search', { query });
}

export const voucherQueryKey = (voucherId: string) => ['vouchers', 'merchant', voucherId] as const;

export function useVoucher(voucherId: string) {
  return useQuery({
    queryKey: voucherQueryKey(voucherId),
    queryFn: ({ signal }) => api.get<VoucherView>(`/api/vouchers/${voucherId}`, { signal }),
  });
}

export interface Receipt {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
}

export interface PurchaseCreated {
  movement: { id: string; status: MovementStatus; amountCents: number };
  challengeId: string;
  expiresInSeconds: number;
}

export const receiptUrl = (movementId: string) => `/api/vouchers/purchases/${movementId}/receipt`;

/** "Elenco Movimenti": filters as the server takes them (Rome days "YYYY-MM-DD"). */
export interface MovementsFilter {
  from?: string;
  to?: string;
  fiscalCode?: string;
}

export interface MovementsRow {
  id: string;
  createdAt: string;
  code: string;
  voucherCode: string;
  beneficiaryFiscalCode: string;
  kind: MovementKind;
  status: MovementStatus;
  amountCents: number;
}

export interface MovementsPage {
  items: MovementsRow[];
  total: number;
  page: number;
  pageSize: number;
}

export function useMovements(filter: MovementsFilter | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['vouchers', 'merchant', 'movements', filter, page, pageSize],
    queryFn: ({ signal }) => api.get<MovementsPage>('/api/vouchers/movements', { query: { ...filter, page, pageSize }, signal }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** "Esporta movimenti": a download link with the same filters (a GET: the session cookie is enough). */
export function exportUrl(filter: MovementsFilter, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return `/api/vouchers/movements/export?${params.toString()}`;
}
