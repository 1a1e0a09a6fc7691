import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/**
 * POST /api/auth/logout: the server revokes the session and clears the cookie (204). A 401 means the
 * session had already ended (expired or revoked), which is what signing out wants: it resolves too.
 */
export async function signOut(): Promise<void> {
  try {
    await requestJson('/api/auth/logout', { method: 'POST' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  }
}
