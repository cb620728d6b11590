import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiRequest, type RequestOptions, uploadFile } from '../../../core/api/client';

/**
 * The merchant's claims API (server/src/modules/claims/merchant). Amounts in integer cents, days
 * "YYYY-MM-DD", instants ISO. Glossary: istanza di rimborso = claim, transazione = purchase
 * (movement), quadrimestre = period, integrazione = integration, rettifica = rectification.
 */

export interface ClaimPeriod {
  year: number;
  /** 1 January–April, 2 May–August, 3 September–December. */
  index: number;
  label: string;
}

/** What the server accepts on a claim now: the menu and the buttons offer exactly these. */
export interface ClaimActions {
  rectifyIban: boolean;
  rectifyEmail: boolean;
  withdraw: boolean;
  integrate: boolean;
}

export interface ClaimSummary {
  id: string;
  number: number;
  amountCents: number;
  purchaseCount: number;
  period: ClaimPeriod;
  status: string;
  statusLabel: string;
  requestedAt: string;
  actions: ClaimActions;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LegendEntry {
  index: number;
  label: string;
  months: string;
}

/** The filing window of today's quadrimestre (seed 000 §09: only during its last month, once). */
export interface FilingWindow {
  open: boolean;
  opens: string;
  closes: string;
  period: ClaimPeriod;
  alreadyFiled: boolean;
  canFile: boolean;
  /** Why a claim cannot be filed now, in the user's words; null when it can. */
  message: string | null;
  legend: LegendEntry[];
}

/** What a new claim would hold, per region whose vouchers paid the purchases. */
export interface ClaimDraft {
  regionStructureId: string;
  regionName: string;
  transactionsFrom: string;
  transactionsTo: string;
  amountCents: number;
  purchaseCount: number;
}

export interface DraftView {
  drafts: ClaimDraft[];
  /** Prefills: the last claim's, or the structure's. */
  email: string | null;
  iban: string | null;
}

export interface ClaimTransaction {
  movementId: string;
  purchasedAt: string;
  fiscalCode: string;
  voucherCode: string;
  amountCents: number;
  /** Absent for the transactions of a draft. */
  hasReceipt?: boolean;
}

export interface HistoryEntry {
  fromStatus: string | null;
  toStatus: string;
  toLabel: string;
  actorKind: 'merchant' | 'region' | 'system';
  actorName: string | null;
  note: string | null;
  at: string;
}

export interface IntegrationDocument {
  id: string;
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface Integration {
  id: string;
  requestText: string;
  deadline: string;
  requestedAt: string;
  document: IntegrationDocument | null;
  submittedAt: string | null;
}

export interface ClaimDetail {
  id: string;
  number: number;
  status: string;
  statusLabel: string;
  period: ClaimPeriod;
  requestedAt: string;
  amountCents: number;
  purchaseCount: number;
  transactionsFrom: string;
  transactionsTo: string;
  iban: string;
  email: string;
  /** Null if the region's structure is gone (never expected). */
  regionName: string | null;
  rejectionReason: string | null;
  history: HistoryEntry[];
  integration: Integration | null;
  actions: ClaimActions;
}

const base = '/api/claims';
const claimUrl = (claimId: string) => `${base}/${encodeURIComponent(claimId)}`;

/** Query keys: everything about claims under one prefix, so a change refreshes what depends on it. */
export const claimKeys = {
  all: ['claims', 'merchant'] as const,
  list: (page: number, pageSize: number) => [...claimKeys.all, 'list', page, pageSize] as const,
  window: () => [...claimKeys.all, 'window'] as const,
  draft: () => [...claimKeys.all, 'draft'] as const,
  draftTransactions: (regionStructureId: string, page: number, pageSize: number) =>
    [...claimKeys.all, 'draft', 'transactions', regionStructureId, page, pageSize] as const,
  detail: (claimId: string) => [...claimKeys.all, 'claim', claimId] as const,
  transactions: (claimId: string, page: number, pageSize: number) => [...claimKeys.all, 'claim', claimId, 'transactions', page, pageSize] as const,
};

export function useClaims(page: number, pageSize: number) {
  return useQuery({
    queryKey: claimKeys.list(page, pageSize),
    queryFn: ({ signal }) => api.get<Page<ClaimSummary>>(base, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFilingWindow() {
  return useQuery({
    queryKey: claimKeys.window(),
    queryFn: ({ signal }) => api.get<FilingWindow>(`${base}/window`, { signal }),
  });
}

/** 409 (window closed, already filed) is an answer, not a failure to retry. */
export function useDraft() {
  return useQuery({
    queryKey: claimKeys.draft(),
    queryFn: ({ signal }) => api.get<DraftView>(`${base}/draft`, { signal }),
    // The draft changes with every purchase: read it afresh each time the page opens.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useDraftTransactions(regionStructureId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: claimKeys.draftTransactions(regionStructureId ?? '', page, pageSize),
    queryFn: ({ signal }) =>
      api.get<Page<ClaimTransaction>>(`${base}/draft/transactions`, { query: { regionStructureId: regionStructureId ?? undefined, page, pageSize }, signal }),
    enabled: regionStructureId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useClaim(claimId: string) {
  return useQuery({
    queryKey: claimKeys.detail(claimId),
    queryFn: ({ signal }) => api.get<ClaimDetail>(claimUrl(claimId), { signal }),
  });
}

export function useClaimTransactions(claimId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: claimKeys.transactions(claimId, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<ClaimTransaction>>(`${claimUrl(claimId)}/transactions`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface NewClaim {
  regionStructureId: string;
  iban: string;
  email: string;
}

export function fileClaim(claim: NewClaim): Promise<{ id: string; number: number }> {
  return api.post<{ id: string; number: number }>(base, claim);
}

/** "Rettifica": only the fields the claim's actions allow. */
export function rectifyClaim(claimId: string, changes: { iban?: string; email?: string }): Promise<ClaimDetail> {
  // The shared client has no patch() yet; fetch takes the method as given.
  return apiRequest<ClaimDetail>(claimUrl(claimId), { method: 'PATCH' as RequestOptions['method'], body: changes });
}

export function withdrawClaim(claimId: string): Promise<ClaimDetail> {
  return api.post<ClaimDetail>(`${claimUrl(claimId)}/withdrawal`);
}

export function uploadIntegrationDocument(claimId: string, file: File, onProgress: (sent: number, total: number) => void): Promise<ClaimDetail> {
  return uploadFile<ClaimDetail>(`${claimUrl(claimId)}/integration/document`, file, { onProgress });
}

export function submitIntegration(claimId: string): Promise<ClaimDetail> {
  return api.post<ClaimDetail>(`${claimUrl(claimId)}/integration/submission`);
}

/** Downloads: plain links (a GET: the session cookie is enough). */
export const integrationTemplateUrl = (claimId: string) => `${claimUrl(claimId)}/integration/template`;
export const integrationDocumentUrl = (claimId: string) => `${claimUrl(claimId)}/integration/document`;
export const transactionReceiptUrl = (claimId: string, movementId: string) =>
  `${claimUrl(claimId)}/transactions/${encodeURIComponent(movementId)}/receipt`;
