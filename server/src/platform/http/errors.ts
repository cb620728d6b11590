/**
 * Domain errors. Domain code throws these; one handler (problem.ts) turns them into
 * application/problem+json. Messages are Italian: a user may read them.
 */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Missing, or not yours: both answer the same so nobody can probe another structure's records. */
export class NotFound extends AppError {
  constructor(message = 'Risorsa non trovata.') {
    super(404, 'not_found', message);
  }
}

export class Unauthenticated extends AppError {
  constructor(code = 'unauthenticated', message = 'Sessione assente o scaduta: accedi di nuovo.') {
    super(401, code, message);
  }
}

export class Forbidden extends AppError {
  constructor(code = 'forbidden', message = 'Non sei abilitato a questa operazione.') {
    super(403, code, message);
  }
}

export class Conflict extends AppError {
  constructor(code: string, message: string, fields?: FieldErrors) {
    super(409, code, message, fields);
  }
}

/** A business rule refused the request (422). */
export class RuleViolation extends AppError {
  constructor(code: string, message: string, fields?: FieldErrors) {
    super(422, code, message, fields);
  }
}

export class ValidationFailed extends AppError {
  constructor(fields: FieldErrors, message = 'Alcuni campi non sono validi.') {
    super(400, 'validation_failed', message, fields);
  }
}

export class TooManyRequests extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too_many_requests', message, undefined, { 'retry-after': String(retryAfterSeconds) });
  }
}
