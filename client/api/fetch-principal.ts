import { type CurrentPrincipal, parsePrincipal } from './principal.ts';
import { fetchJson } from './fetch-json.ts';

/**
 * GET /api/auth/me: who the session cookie belongs to. A cookie the server no longer honours (expired,
 * revoked) is dropped by the server and the answer is the public.
 */
export async function fetchPrincipal(signal?: AbortSignal): Promise<CurrentPrincipal> {
  return parsePrincipal(await fetchJson('/api/auth/me', signal));
}
