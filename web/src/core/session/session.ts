import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, setCsrfToken } from '../api/client';

export type StructureRole = 'owner' | 'operator' | 'admin';
export type OrganisationKind = 'region' | 'health_agency' | 'municipality' | 'merchant' | 'service_provider' | 'voucher_office';
export type AuthMethod = 'spid' | 'cie' | 'password' | 'password_pin';

export interface SessionUser {
  id: string;
  givenName: string;
  familyName: string;
  fiscalCode: string | null;
  isAdmin: boolean;
}

export interface SessionStructure {
  id: string;
  name: string;
  /** One of OrganisationKind; kept open so a new kind on the server does not break the page. */
  kind: string;
  role: StructureRole;
}

export interface SessionService {
  code: string;
  name: string;
  description: string;
  path: string;
  available: boolean;
}

/** The platform's date: the real one, or the demo's "Data simulata" set by an administrator. */
export interface SessionClock {
  /** ISO instant, as the server read its clock for this answer. */
  now: string;
  simulated: boolean;
}

/** GET /api/session */
export interface Session {
  csrfToken: string;
  user: SessionUser | null;
  structure: SessionStructure | null;
  structures: SessionStructure[];
  services: SessionService[];
  owner: { name: string; url: string };
  demo: boolean;
  authMethod: AuthMethod | null;
  clock: SessionClock;
}

export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session; every page reads it, so it is fetched once and refreshed on focus. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 30_000, retry: 1 });
}

/** Refetches the session (after login, logout, a structure change or a 401) and waits for it. */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 }), [queryClient]);
}

export function fullName(user: { givenName: string; familyName: string }): string {
  return `${user.givenName} ${user.familyName}`;
}

/** The user must pick a structure before anything else: he has several and none is chosen. */
export function mustChooseStructure(session: Session): boolean {
  return session.user !== null && session.structure === null && session.structures.length > 1;
}

export function hasService(session: Session, code: string): boolean {
  return session.services.some((s) => s.code === code);
}

/** Drops every cached answer but the session: they belong to the previous user or structure. */
export function clearUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}
