import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/**
 * Caches an app keeps for working offline with what the account may see (names `casa-sig-<app>-data-…`,
 * the inspectors' workspace's service worker): emptied at sign-out, wherever it happens.
 */
const ACCOUNT_DATA_CACHE = /^casa-sig-[a-z]+-data-/;

async function forgetAccountData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => ACCOUNT_DATA_CACHE.test(name)).map((name) => caches.delete(name)));
}

/**
 * POST /api/auth/logout: the server revokes the session and clears the cookie (204). A 401 means the
 * session had already ended (expired or revoked), which is what signing out wants: it resolves too. What
 * the account saw does not stay in the browser's offline caches.
 */
export async function signOut(): Promise<void> {
  try {
    await requestJson('/api/auth/logout', { method: 'POST' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  } finally {
    await forgetAccountData().catch(() => undefined);
  }
}
