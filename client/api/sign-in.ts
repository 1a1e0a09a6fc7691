import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/** What a successful sign-in tells the client: when the session ends (ISO 8601). */
export interface SignInResult {
  expiresAt: string;
}

/**
 * POST /api/auth/login. The server answers with a token and sets the HttpOnly session cookie; the client
 * relies on the cookie alone and drops the token (never kept in localStorage or anywhere script can read
 * it). Failures are ApiErrors: `invalid-login` (401), `too-many-login-attempts` (429, with Retry-After).
 */
export async function signIn(username: string, password: string, signal?: AbortSignal): Promise<SignInResult> {
  const body = await requestJson('/api/auth/login', { method: 'POST', body: { username, password }, signal });
  const expiresAt = typeof body === 'object' && body !== null ? (body as { expiresAt?: unknown }).expiresAt : undefined;
  if (typeof expiresAt !== 'string') {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: 'POST /api/auth/login gave no expiry' });
  }
  return { expiresAt };
}
