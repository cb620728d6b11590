/** An application/problem+json answer from the server, or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's message for the user (Italian); absent when the server could not be reached. */
    readonly detail: string | undefined,
    /** Field name → message, for validation failures. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === 'string') out[key] = message;
  }
  return out;
}

/** Builds the error from a failed response, whatever its body (a proxy may answer with HTML). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status only
  }
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : `http_${response.status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  return new ApiError(response.status, code, detail, stringRecord(problem.fields));
}
