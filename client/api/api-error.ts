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
  /** Seconds to wait before trying again, from the Retry-After header of a 429 or 503 answer. */
  readonly retryAfterSeconds: number | undefined;
  /** The problem's other members as sent (RFC 9457 extension members: a 412's `changeIndex`, a 422's `issues` with their three languages). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(fields: {
    status: number;
    type: string;
    title: string;
    detail?: string;
    requestId?: string;
    issues?: ApiIssue[];
    retryAfterSeconds?: number;
    extensions?: Record<string, unknown>;
  }) {
    super(fields.detail ? `${fields.title}: ${fields.detail}` : fields.title);
    this.status = fields.status;
    this.type = fields.type;
    this.title = fields.title;
    this.detail = fields.detail;
    this.requestId = fields.requestId;
    this.issues = fields.issues ?? [];
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.extensions = fields.extensions ?? {};
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Seconds to wait, from a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP date, the date
 * counted from `nowMs` and never negative. Undefined for an absent or unreadable header.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP dates are in GMT (RFC 9110 §5.6.7); anything else (Date.parse reads "-5" as a year) is ignored.
  if (!/\bGMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/**
 * The ApiError for a non-2xx answer: fields from its application/problem+json body when it has one,
 * otherwise from the status line (a proxy's HTML error page carries nothing we can trust).
 */
export function apiErrorFromProblem(
  status: number,
  body: unknown,
  headerRequestId?: string | null,
  retryAfterHeader?: string | null,
): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const issues = Array.isArray(problem.issues)
    ? problem.issues.filter((issue): issue is ApiIssue => typeof issue === 'object' && issue !== null && typeof issue.message === 'string')
    : [];
  const requestId = optionalString(problem.requestId) ?? optionalString(headerRequestId);
  const detail = optionalString(problem.detail);
  const retryAfterSeconds = parseRetryAfter(retryAfterHeader, Date.now());
  const standard = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId']);
  const extensions = Object.fromEntries(Object.entries(problem).filter(([name]) => !standard.has(name)));
  return new ApiError({
    status,
    type: optionalString(problem.type) ?? `http-${status}`,
    title: optionalString(problem.title) ?? `HTTP ${status}`,
    ...(detail ? { detail } : {}),
    ...(requestId ? { requestId } : {}),
    issues,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    extensions,
  });
}

/** Any failure as an ApiError: ApiErrors as they are, anything else (a bug, a rejected promise) as `client-error`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, type: 'client-error', title: 'Client error', detail: (error as Error | undefined)?.message ?? String(error) });
}
