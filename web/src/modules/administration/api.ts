import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import { sessionQueryKey } from '../../core/session/session';

/** GET/PUT /api/admin/clock, POST /api/admin/clock/advance */
export interface PlatformClock {
  /** ISO instant. */
  now: string;
  simulated: boolean;
}

/** GET /api/admin/audit item (the audit_log row as stored). */
export interface AuditEntry {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  structure_id: string | null;
  structure_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  person_fiscal_code: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** The filters of "Registro attività"; empty strings mean "any". Dates are YYYY-MM-DD, Rome days. */
export interface AuditQuery {
  person: string;
  structureId: string;
  action: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

/** Query keys of the administrator's tools; a change of date adds rows to the log, so both go together. */
export const adminKeys = {
  all: ['admin'] as const,
  clock: () => [...adminKeys.all, 'clock'] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  auditPage: (query: AuditQuery) => [...adminKeys.audit(), 'page', query] as const,
  auditActions: () => [...adminKeys.audit(), 'actions'] as const,
};

export function usePlatformClock() {
  return useQuery({
    queryKey: adminKeys.clock(),
    queryFn: ({ signal }) => api.get<PlatformClock>('/api/admin/clock', { signal }),
  });
}

/** A change of date: the page's clock at once, then the session (the banner on every page) and the log. */
function useClockMutation<TVariables>(call: (variables: TVariables) => Promise<PlatformClock>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (clock) => {
      queryClient.setQueryData(adminKeys.clock(), clock);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
        queryClient.invalidateQueries({ queryKey: adminKeys.audit() }),
      ]);
    },
  });
}

/** Sets the simulated date (an ISO instant with offset), or null to go back to the real date. */
export function useSetClock() {
  return useClockMutation((date: string | null) => api.put<PlatformClock>('/api/admin/clock', { date }));
}

export function useAdvanceClock() {
  return useClockMutation((seconds: number) => api.post<PlatformClock>('/api/admin/clock/advance', { seconds }));
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.auditPage(query),
    queryFn: ({ signal }) =>
      api.get<AuditPage>('/api/admin/audit', {
        query: {
          person: query.person || undefined,
          structureId: query.structureId || undefined,
          action: query.action || undefined,
          from: query.from || undefined,
          to: query.to || undefined,
          page: query.page,
          pageSize: query.pageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: adminKeys.auditActions(),
    queryFn: ({ signal }) => api.get<string[]>('/api/admin/audit/actions', { signal }),
    staleTime: 60_000,
  });
}
