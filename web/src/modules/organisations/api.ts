import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';

/** GET /api/structure/employees item. */
export interface Employee {
  userId: string;
  fiscalCode: string | null;
  givenName: string;
  familyName: string;
  role: 'owner' | 'operator';
  enabled: boolean;
  services: string[];
}

export interface EmployeesPage {
  items: Employee[];
  total: number;
  page: number;
  pageSize: number;
}

/** A service that can be associated to an employee of the current structure. */
export interface AssociableService {
  code: string;
  name: string;
  description: string;
}

export interface EmployeesQuery {
  q: string;
  page: number;
  pageSize: number;
}

export interface NewEmployee {
  fiscalCode: string;
  givenName: string;
  familyName: string;
}

/**
 * Query keys of the current structure's data. They start with 'structure' so that changing
 * structure or signing out drops them all at once.
 */
export const structureKeys = {
  all: ['structure'] as const,
  employees: () => [...structureKeys.all, 'employees'] as const,
  employeesPage: (query: EmployeesQuery) => [...structureKeys.employees(), query] as const,
  services: () => [...structureKeys.all, 'services'] as const,
};

export function useEmployees(query: EmployeesQuery) {
  return useQuery({
    queryKey: structureKeys.employeesPage(query),
    queryFn: ({ signal }) =>
      api.get<EmployeesPage>('/api/structure/employees', {
        query: { q: query.q.trim() || undefined, page: query.page, pageSize: query.pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useAssociableServices() {
  return useQuery({
    queryKey: structureKeys.services(),
    queryFn: ({ signal }) => api.get<AssociableService[]>('/api/structure/services', { signal }),
    staleTime: 5 * 60_000,
  });
}

function useEmployeeMutation<TVariables>(call: (variables: TVariables) => Promise<Employee>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: structureKeys.employees() }),
  });
}

export function useAddEmployee() {
  return useEmployeeMutation((employee: NewEmployee) => api.post<Employee>('/api/structure/employees', employee));
}

export function useAssociateService() {
  return useEmployeeMutation(({ userId, service }: { userId: string; service: string }) =>
    api.post<Employee>(`/api/structure/employees/${encodeURIComponent(userId)}/services`, { service }),
  );
}

export function useRemoveService() {
  return useEmployeeMutation(({ userId, service }: { userId: string; service: string }) =>
    api.delete<Employee>(`/api/structure/employees/${encodeURIComponent(userId)}/services/${encodeURIComponent(service)}`),
  );
}

export function useSetEmployeeEnabled() {
  return useEmployeeMutation(({ userId, enabled }: { userId: string; enabled: boolean }) =>
    api.post<Employee>(`/api/structure/employees/${encodeURIComponent(userId)}/${enabled ? 'enable' : 'disable'}`),
  );
}

export function employeeName(employee: Pick<Employee, 'givenName' | 'familyName'>): string {
  return `${employee.givenName} ${employee.familyName}`;
}
