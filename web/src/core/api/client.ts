import { ApiError, apiErrorFrom } from './api-error';

/**
 * The one way the web app talks to the server: same-origin cookies, JSON in and out, the CSRF
 * token on every state-changing call, problem+json turned into ApiError, and a hook for 401s
 * (the session has expired or was closed: the app refetches it and goes to the login page).
 */

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called with the token of every GET /api/session and of the login response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** False for calls where 401 is an answer, not an expired session (the login itself). */
  redirectOnUnauthorized?: boolean;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', undefined);
  }

  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (response.status === 401 && options.redirectOnUnauthorized !== false) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    // e.g. the dev proxy's HTML page when the server is down
    throw new ApiError(response.status, 'unexpected_response', undefined);
  }
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

export interface UploadOptions {
  /** Extra form fields sent before the file. */
  fields?: Record<string, string>;
  /** Bytes sent so far and the total, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends one file as multipart/form-data (field "file"), with the CSRF token, and reads the JSON
 * answer. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    if (options.onProgress) {
      const report = options.onProgress;
      request.upload.addEventListener('progress', (event) => report(event.loaded, event.lengthComputable ? event.total : file.size));
    }
    request.addEventListener('load', () => {
      const response = new Response(request.status === 204 ? null : request.responseText, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? '' },
      });
      if (request.status >= 200 && request.status < 300) {
        resolve((request.status === 204 ? undefined : JSON.parse(request.responseText)) as T);
        return;
      }
      void apiErrorFrom(response).then((error) => {
        if (request.status === 401) onUnauthorized?.();
        reject(error);
      });
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'network_error', undefined)));
    request.addEventListener('abort', () => reject(new DOMException('Upload aborted', 'AbortError')));
    options.signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file, file.name);
    request.send(form);
  });
}
