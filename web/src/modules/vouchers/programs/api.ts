import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../../core/api/client';

export interface Program {
  id: string;
  name: string;
  faceValueCents: number;
  validityMonths: number;
  createdAt: string;
  merchantCount: number;
  voucherCount: number;
}

export interface ProgramsPage {
  items: Program[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MerchantStructure {
  id: string;
  name: string;
}

export type ImportStatus = 'uploading' | 'preview' | 'importing' | 'completed' | 'discarded' | 'failed';

export interface ImportSummary {
  id: string;
  programId: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  rejectedRows: number;
  processedRows: number;
  issuedRows: number;
  skippedRows: number;
  /** 0–100 */
  progress: number;
  createdAt: string;
  confirmedAt: string | null;
  completedAt: string | null;
}

export interface ProgramDetail {
  program: Program;
  merchants: (MerchantStructure & { enrolledAt: string })[];
  imports: ImportSummary[];
}

export interface RejectedRow {
  line: number;
  fiscalCode: string;
  healthCardNumber: string;
  givenName: string;
  familyName: string;
  mobilePhone: string;
  activationDate: string;
  reasons: string[];
}

export interface RejectedRowsPage {
  items: RejectedRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NewProgram {
  name: string;
  faceValueCents: number;
  validityMonths: number;
  merchantStructureIds: string[];
}

const base = '/api/voucher-programs';
const programUrl = (programId: string) => `${base}/${encodeURIComponent(programId)}`;
const importUrl = (programId: string, importId: string) => `${programUrl(programId)}/imports/${encodeURIComponent(importId)}`;

/** The report of an import's rejected rows: a plain link, the browser downloads it. */
export const rejectedReportUrl = (programId: string, importId: string) => `${importUrl(programId, importId)}/rejected-rows.csv`;

/** Query keys: they start with 'structure' so that changing structure or signing out drops them. */
export const programKeys = {
  all: ['structure', 'voucher-programs'] as const,
  list: (page: number) => [...programKeys.all, 'list', page] as const,
  merchants: () => [...programKeys.all, 'merchant-structures'] as const,
  detail: (programId: string) => [...programKeys.all, 'program', programId] as const,
  import: (programId: string, importId: string) => [...programKeys.detail(programId), 'import', importId] as const,
  rejected: (programId: string, importId: string, page: number) => [...programKeys.import(programId, importId), 'rejected', page] as const,
};

export function usePrograms(page: number, pageSize: number) {
  return useQuery({
    queryKey: programKeys.list(page),
    queryFn: ({ signal }) => api.get<ProgramsPage>(base, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMerchantStructures() {
  return useQuery({
    queryKey: programKeys.merchants(),
    queryFn: ({ signal }) => api.get<{ items: MerchantStructure[] }>(`${base}/merchant-structures`, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useProgram(programId: string) {
  return useQuery({ queryKey: programKeys.detail(programId), queryFn: ({ signal }) => api.get<ProgramDetail>(programUrl(programId), { signal }) });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (program: NewProgram) => api.post<ProgramDetail>(base, program),
    onSuccess: (detail) => {
      queryClient.setQueryData(programKeys.detail(detail.program.id), detail);
      return queryClient.invalidateQueries({ queryKey: [...programKeys.all, 'list'] });
    },
  });
}

function useProgramChange<TVariables>(programId: string, call: (variables: TVariables) => Promise<ProgramDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      queryClient.setQueryData(programKeys.detail(programId), detail);
      return queryClient.invalidateQueries({ queryKey: [...programKeys.all, 'list'] });
    },
  });
}

export function useEnrolMerchant(programId: string) {
  return useProgramChange(programId, (merchantId: string) => api.post<ProgramDetail>(`${programUrl(programId)}/merchants`, { merchantStructureIds: [merchantId] }));
}

export function useRemoveMerchant(programId: string) {
  return useProgramChange(programId, (merchantId: string) => api.delete<ProgramDetail>(`${programUrl(programId)}/merchants/${encodeURIComponent(merchantId)}`));
}

export function useUploadImport(programId: string, onProgress: (percent: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<ImportSummary>(`${programUrl(programId)}/imports`, file, { onProgress: (sent, total) => onProgress(total > 0 ? Math.floor((sent * 100) / total) : 0) }),
    onSuccess: (summary) => {
      queryClient.setQueryData(programKeys.import(programId, summary.id), summary);
      return queryClient.invalidateQueries({ queryKey: programKeys.detail(programId), exact: true });
    },
  });
}

/** The import; polled every second while it is being imported (the progress bar). */
export function useImport(programId: string, importId: string) {
  return useQuery({
    queryKey: programKeys.import(programId, importId),
    queryFn: ({ signal }) => api.get<ImportSummary>(importUrl(programId, importId), { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'importing' ? 1000 : false),
  });
}

export function useRejectedRows(programId: string, importId: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: programKeys.rejected(programId, importId, page),
    queryFn: ({ signal }) => api.get<RejectedRowsPage>(`${importUrl(programId, importId)}/rejected-rows`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useImportChange(programId: string, importId: string, call: () => Promise<ImportSummary | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: programKeys.import(programId, importId) });
      await queryClient.invalidateQueries({ queryKey: programKeys.detail(programId), exact: true });
    },
  });
}

export function useConfirmImport(programId: string, importId: string) {
  return useImportChange(programId, importId, () => api.post<ImportSummary>(`${importUrl(programId, importId)}/confirm`));
}

export function useDiscardImport(programId: string, importId: string) {
  return useImportChange(programId, importId, () => api.post<undefined>(`${importUrl(programId, importId)}/discard`));
}
