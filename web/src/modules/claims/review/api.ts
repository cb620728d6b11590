import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../core/api/client';

/**
 * Glossary: istanza di rimborso = claim, esercente = merchant, quadrimestre = period, integrazione =
 * integration (documents the region asks for), decreto di pagamento = payment batch, ordinante = debtor.
 * Amounts are integer cents, days "YYYY-MM-DD", instants ISO.
 */
export const CLAIM_STATUSES = ['da_valutare', 'da_integrare', 'approvata', 'rifiutata', 'scaduta', 'inoltrata', 'annullata'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimPeriod {
  year: number;
  /** 1, 2 or 3: the quadrimestre. */
  index: number;
  label: string;
}

export interface QueueRow {
  id: string;
  number: number;
  merchantId: string;
  merchantName: string;
  period: ClaimPeriod;
  amountCents: number;
  purchaseCount: number;
  status: ClaimStatus;
  statusLabel: string;
  requestedAt: string;
  integrationDeadline: string | null;
}

export interface QueueFilter {
  status?: ClaimStatus;
  year?: number;
  index?: number;
  merchantId?: string;
}

export interface QueuePage {
  items: QueueRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<ClaimStatus, number>;
  merchants: { id: string; name: string }[];
}

export type ActorKind = 'merchant' | 'region' | 'system';

export interface HistoryEntry {
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus;
  toLabel: string;
  actorKind: ActorKind;
  actorName: string | null;
  note: string | null;
  at: string;
}

export interface Integration {
  id: string;
  requestText: string;
  deadline: string;
  requestedAt: string;
  submittedAt: string | null;
  document: { id: string; fileName: string; sizeBytes: number } | null;
}

export interface ClaimDetail {
  id: string;
  number: number;
  merchantId: string;
  merchantName: string;
  status: ClaimStatus;
  statusLabel: string;
  period: ClaimPeriod;
  requestedAt: string;
  amountCents: number;
  purchaseCount: number;
  transactionsFrom: string | null;
  transactionsTo: string | null;
  iban: string;
  email: string;
  rejectionReason: string | null;
  paymentBatch: { id: string; messageId: string } | null;
  history: HistoryEntry[];
  integrations: Integration[];
  /** What the region may do now: computed by the server, which accepts exactly these. */
  actions: { approve: boolean; reject: boolean; requestIntegration: boolean };
}

export interface ClaimTransaction {
  movementId: string;
  purchasedAt: string;
  fiscalCode: string;
  voucherCode: string;
  amountCents: number;
  hasReceipt: boolean;
}

export interface TransactionsPage {
  items: ClaimTransaction[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PaymentBatch {
  id: string;
  messageId: string;
  createdAt: string;
  executionDate: string;
  claimCount: number;
  controlSumCents: number;
  debtorName: string;
}

export interface BatchesPage {
  items: PaymentBatch[];
  total: number;
  page: number;
  pageSize: number;
  /** The debtor of the last batch: the form starts from it. */
  lastDebtor: { name: string; iban: string } | null;
}

export interface NewBatch {
  claimIds: string[];
  debtorName: string;
  debtorIban: string;
  executionDate: string;
}

export interface BatchCreated {
  id: string;
  messageId: string;
}

const base = '/api/claims-review';
const claimUrl = (claimId: string) => `${base}/${encodeURIComponent(claimId)}`;

/** Files: plain links, the browser downloads them with the session cookie. */
export const receiptUrl = (claimId: string, movementId: string) => `${claimUrl(claimId)}/transactions/${encodeURIComponent(movementId)}/receipt`;
export const integrationDocumentUrl = (claimId: string, integrationId: string) => `${claimUrl(claimId)}/integrations/${encodeURIComponent(integrationId)}/document`;
export const pain001Url = (batchId: string) => `${base}/payment-batches/${encodeURIComponent(batchId)}/pain001`;

/** Query keys: they start with 'structure' so that changing structure or signing out drops them. */
export const reviewKeys = {
  all: ['structure', 'claims-review'] as const,
  queue: (filter: QueueFilter, page: number) => [...reviewKeys.all, 'queue', filter, page] as const,
  claim: (claimId: string) => [...reviewKeys.all, 'claim', claimId] as const,
  transactions: (claimId: string, page: number) => [...reviewKeys.claim(claimId), 'transactions', page] as const,
  batches: (page: number) => [...reviewKeys.all, 'batches', page] as const,
};

export function useQueue(filter: QueueFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: reviewKeys.queue(filter, page),
    queryFn: ({ signal }) => api.get<QueuePage>(base, { query: { ...filter, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClaim(claimId: string) {
  return useQuery({ queryKey: reviewKeys.claim(claimId), queryFn: ({ signal }) => api.get<ClaimDetail>(claimUrl(claimId), { signal }) });
}

/** Several claims at once: the ones chosen for a payment batch. */
export function useClaims(claimIds: readonly string[]) {
  return useQueries({
    queries: claimIds.map((claimId) => ({
      queryKey: reviewKeys.claim(claimId),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ClaimDetail>(claimUrl(claimId), { signal }),
    })),
  });
}

export function useClaimTransactions(claimId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: reviewKeys.transactions(claimId, page),
    queryFn: ({ signal }) => api.get<TransactionsPage>(`${claimUrl(claimId)}/transactions`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export type Decision = { kind: 'approve' } | { kind: 'reject'; reason: string } | { kind: 'requestIntegration'; text: string; deadline: string };

function decide(claimId: string, decision: Decision): Promise<ClaimDetail> {
  switch (decision.kind) {
    case 'approve':
      return api.post<ClaimDetail>(`${claimUrl(claimId)}/approval`);
    case 'reject':
      return api.post<ClaimDetail>(`${claimUrl(claimId)}/rejection`, { reason: decision.reason });
    case 'requestIntegration':
      return api.post<ClaimDetail>(`${claimUrl(claimId)}/integration-request`, { text: decision.text, deadline: decision.deadline });
  }
}

/** Approve, reject or ask for an integration; the answer is the claim as it is now. */
export function useDecision(claimId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => decide(claimId, decision),
    onSuccess: (detail) => {
      queryClient.setQueryData(reviewKeys.claim(claimId), detail);
      return queryClient.invalidateQueries({ queryKey: [...reviewKeys.all, 'queue'] });
    },
    // 409: someone else changed the claim meanwhile; show it as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: reviewKeys.claim(claimId), exact: true }),
  });
}

export function useBatches(page: number, pageSize: number) {
  return useQuery({
    queryKey: reviewKeys.batches(page),
    queryFn: ({ signal }) => api.get<BatchesPage>(`${base}/payment-batches`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batch: NewBatch) => api.post<BatchCreated>(`${base}/payment-batches`, batch),
    // The claims are now "inoltrata": every list and detail of the module is stale. Not awaited, so
    // the form goes to the list before its claims come back no longer approved.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
    // 409: some claim is no longer approved; show the claims as they are now.
    onError: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}
