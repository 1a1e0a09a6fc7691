/**
 * Typed errors thrown by routes and domain code. One last middleware (problem.ts) turns each into an
 * application/problem+json response (RFC 9457); nothing else writes an error response.
 */

/** A problem shown to a client. `type` is a stable slug that clients switch on, never the title text. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    /** Extra members of the problem document (for example `allowed` or `issues`). */
    readonly extras: Readonly<Record<string, unknown>> = {},
    /** Extra response headers (for example Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(type: string, detail: string, extras: Record<string, unknown> = {}) {
    super(400, type, 'Bad request', detail, extras);
  }
}

export class NotFoundError extends AppError {
  constructor(type: string, detail: string, extras: Record<string, unknown> = {}) {
    super(404, type, 'Not found', detail, extras);
  }
}

export class UnavailableError extends AppError {
  constructor(detail: string, retryAfterSeconds = 5) {
    super(503, 'unavailable', 'Service unavailable', detail, {}, { 'Retry-After': String(retryAfterSeconds) });
  }
}
