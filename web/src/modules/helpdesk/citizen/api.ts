import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, apiErrorFrom } from '../../../core/api/api-error';
import { api } from '../../../core/api/client';
import type { RequestFormValues, RequestPrefill } from './request-form';

/**
 * The citizen's side of SOL Assistenza (server/src/modules/helpdesk/citizen, its README holds the
 * contract). Instants ISO. Glossary: richiesta di assistenza = request, Servizio = service,
 * Tipologia = category, Ruolo = role, ASR di competenza = agency, nota pubblica = message.
 */

export interface CatalogueEntry {
  code: string;
  label: string;
}

export interface Catalogue {
  services: CatalogueEntry[];
  roles: CatalogueEntry[];
  categories: CatalogueEntry[];
  agencies: { id: string; name: string }[];
  /** Only for a signed-in caller; unknown values are null. */
  prefill: RequestPrefill | null;
  limits: { descriptionMaxLength: number; attachmentMaxBytes: number; attachmentExtensions: string[] };
}

/** "INVIA": the request's number and the page to follow it. */
export interface FiledRequest {
  id: string;
  number: number;
  /** /assistenza/mie-richieste/<id> when signed in, /assistenza/richiesta?token=… otherwise. */
  link: string;
}

export type RequestStatusCode = 'nuova' | 'in_lavorazione' | 'in_attesa_utente' | 'risolto' | 'chiuso' | 'non_di_competenza';

export interface MyRequestSummary {
  id: string;
  number: number;
  service: string;
  category: string;
  status: string;
  statusLabel: string;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ThreadMessage {
  id: string;
  from: 'citizen' | 'operator';
  /** "Assistenza <structure>" for the help desk: operators are never named. */
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface Thread {
  id: string;
  number: number;
  service: string;
  category: string;
  agencyName: string;
  status: string;
  statusLabel: string;
  createdAt: string;
  /** False once "chiuso". */
  canAnswer: boolean;
  request: {
    givenName: string;
    familyName: string;
    fiscalCode: string;
    email: string;
    phone: string;
    description: string;
    attachment: { fileName: string; sizeBytes: number; url: string } | null;
  };
  /** Public notes and the citizen's answers, oldest first. */
  messages: ThreadMessage[];
}

const base = '/api/assistenza';

export const helpdeskCitizenKeys = {
  all: ['helpdesk', 'citizen'] as const,
  catalogue: () => [...helpdeskCitizenKeys.all, 'catalogue'] as const,
  list: (page: number, pageSize: number) => [...helpdeskCitizenKeys.all, 'list', page, pageSize] as const,
  mine: (requestId: string) => [...helpdeskCitizenKeys.all, 'mine', requestId] as const,
  byToken: (token: string) => [...helpdeskCitizenKeys.all, 'token', token] as const,
};

/** The form's lists, and the prefill when signed in (so it follows the session: no long cache). */
export function useCatalogue(signedInAs: string | null) {
  return useQuery({
    queryKey: [...helpdeskCitizenKeys.catalogue(), signedInAs],
    queryFn: ({ signal }) => api.get<Catalogue>(`${base}/catalogue`, { signal }),
    refetchOnWindowFocus: false,
  });
}

export function useMyRequests(page: number, pageSize: number) {
  return useQuery({
    queryKey: helpdeskCitizenKeys.list(page, pageSize),
    queryFn: ({ signal }) => api.get<Page<MyRequestSummary>>(`${base}/my-requests`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyRequest(requestId: string) {
  return useQuery({
    queryKey: helpdeskCitizenKeys.mine(requestId),
    queryFn: ({ signal }) => api.get<Thread>(`${base}/my-requests/${encodeURIComponent(requestId)}`, { signal }),
  });
}

export function useThreadByToken(token: string) {
  return useQuery({
    queryKey: helpdeskCitizenKeys.byToken(token),
    queryFn: ({ signal }) => api.get<Thread>(`${base}/thread`, { query: { token }, signal }),
    enabled: token !== '',
  });
}

export function answerMyRequest(requestId: string, body: string): Promise<Thread> {
  return api.post<Thread>(`${base}/my-requests/${encodeURIComponent(requestId)}/answers`, { body });
}

export function answerByToken(token: string, body: string): Promise<Thread> {
  return api.post<Thread>(`${base}/thread/answers`, { token, body });
}

/** What "INVIA" sends: the form's values by the server's names, the honeypot always included. */
export type NewRequest = RequestFormValues & { sitoWeb: string };

export interface FileRequestOptions {
  /** The session's CSRF token (the pre-login one works for anonymous visitors). */
  csrfToken: string;
  attachment: File | null;
  onProgress?: (sent: number, total: number) => void;
}

/**
 * "INVIA": JSON without attachment; with one, multipart with the JSON as the part `data` first and
 * the file as `attachment` (the shared uploadFile sends a part named `file`, hence this).
 * XMLHttpRequest: only it reports upload progress.
 */
export function fileRequest(request: NewRequest, options: FileRequestOptions): Promise<FiledRequest> {
  const form = new FormData();
  form.append('data', JSON.stringify(request));
  if (options.attachment) form.append('attachment', options.attachment, options.attachment.name);
  return new Promise<FiledRequest>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/requests`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    if (options.onProgress && options.attachment) {
      const report = options.onProgress;
      const size = options.attachment.size;
      xhr.upload.addEventListener('progress', (event) => report(event.loaded, event.lengthComputable ? event.total : size));
    }
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as FiledRequest);
        } catch {
          reject(new ApiError(xhr.status, 'unexpected_response', undefined));
        }
        return;
      }
      const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      void apiErrorFrom(response).then(reject);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network_error', undefined)));
    xhr.send(form);
  });
}
