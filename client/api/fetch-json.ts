import { ApiError, apiErrorFromProblem } from './api-error.ts';

/** One call to our own API: method, JSON body, what to accept, and a signal to cancel it. */
export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON (Content-Type: application/json). */
  body?: unknown;
  accept?: string;
  /** Other request headers (an Idempotency-Key, If-Match, X-Change-Reason). */
  headers?: Readonly<Record<string, string>>;
  /** Called with the answer's headers before its body is read (a replayed answer says so in a header). */
  onHeaders?: (headers: Headers) => void;
  signal?: AbortSignal | undefined;
}

/** Status codes whose answer has no body by definition. */
const EMPTY_STATUSES = new Set([204, 205]);

function invalidResponse(url: string, status: number, requestId: string | null): ApiError {
  return new ApiError({
    status,
    type: 'invalid-response',
    title: 'Invalid response',
    detail: `${url} did not answer with JSON`,
    ...(requestId ? { requestId } : {}),
  });
}

/**
 * Calls our own API with the session cookie (`credentials: 'same-origin'`: the browser sends and stores
 * the HttpOnly cookie itself; no token is ever kept by the client). Resolves to the JSON body, or to
 * undefined for a 204. Throws ApiError for a failed call (problem+json decoded, Retry-After kept) and for
 * no answer at all; lets an AbortError through untouched so callers can tell "cancelled" from "failed".
 */
export async function requestJson(url: string, request: JsonRequest = {}): Promise<unknown> {
  return (await requestJsonResponse(url, request)).body;
}

/** requestJson, with the answer's headers (an ETag, a Location). */
export async function requestJsonResponse(url: string, request: JsonRequest = {}): Promise<{ body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { ...request.headers, Accept: request.accept ?? 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, type: 'network-error', title: 'Network error', detail: (error as Error).message });
  }
  const requestId = response.headers.get('x-request-id');
  request.onHeaders?.(response.headers);
  if (EMPTY_STATUSES.has(response.status)) return { body: undefined, headers: response.headers };
  const body: unknown = await response.json().catch(() => undefined);
  // A call cancelled while its body was read stays a cancellation, not an invalid response.
  request.signal?.throwIfAborted();
  if (!response.ok) throw apiErrorFromProblem(response.status, body, requestId, response.headers.get('retry-after'));
  if (body === undefined) throw invalidResponse(url, response.status, requestId);
  return { body, headers: response.headers };
}

/** GETs a JSON document from our own API (see requestJson); an empty answer is an invalid response. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const body = await requestJson(url, { signal });
  if (body === undefined) throw invalidResponse(url, 204, null);
  return body;
}
