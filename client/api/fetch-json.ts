import { ApiError, apiErrorFromProblem } from './api-error.ts';

/**
 * GETs a JSON document from our own API. Throws ApiError for a failed call (problem+json decoded) and for
 * no answer at all; lets an AbortError through untouched so callers can tell "cancelled" from "failed".
 */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, type: 'network-error', title: 'Network error', detail: (error as Error).message });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorFromProblem(response.status, body, response.headers.get('x-request-id'));
  if (body === undefined) {
    throw new ApiError({
      status: response.status,
      type: 'invalid-response',
      title: 'Invalid response',
      detail: `${url} did not answer with JSON`,
      ...(response.headers.get('x-request-id') ? { requestId: response.headers.get('x-request-id') ?? '' } : {}),
    });
  }
  return body;
}
