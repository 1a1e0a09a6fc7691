/** One field-level problem of a 422 answer (RFC 9457 extension member `issues`). */
export interface ApiIssue {
  path?: string;
  code?: string;
  message: string;
}

/**
 * A failed API call. `type` is the server's stable problem slug (`layer-not-found`, `not-ready`...) or one
 * of the client's own: `network-error` (no answer, status 0), `invalid-response` (an answer that is not
 * what the API promises). Components switch on `type`, never on message text (STYLE.md §6).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly issues: readonly ApiIssue[];

  constructor(fields: { status: number; type: string; title: string; detail?: string; requestId?: string; issues?: ApiIssue[] }) {
    super(fields.detail ? `${fields.title}: ${fields.detail}` : fields.title);
    this.status = fields.status;
    this.type = fields.type;
    this.title = fields.title;
    this.detail = fields.detail;
    this.requestId = fields.requestId;
    this.issues = fields.issues ?? [];
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The ApiError for a non-2xx answer: fields from its application/problem+json body when it has one,
 * otherwise from the status line (a proxy's HTML error page carries nothing we can trust).
 */
export function apiErrorFromProblem(status: number, body: unknown, headerRequestId?: string | null): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const issues = Array.isArray(problem.issues)
    ? problem.issues.filter((issue): issue is ApiIssue => typeof issue === 'object' && issue !== null && typeof issue.message === 'string')
    : [];
  const requestId = optionalString(problem.requestId) ?? optionalString(headerRequestId);
  const detail = optionalString(problem.detail);
  return new ApiError({
    status,
    type: optionalString(problem.type) ?? `http-${status}`,
    title: optionalString(problem.title) ?? `HTTP ${status}`,
    ...(detail ? { detail } : {}),
    ...(requestId ? { requestId } : {}),
    issues,
  });
}
