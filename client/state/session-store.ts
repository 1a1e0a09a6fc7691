import { ApiError } from '../api/api-error.ts';
import { fetchPrincipal } from '../api/fetch-principal.ts';
import { signIn as requestSignIn } from '../api/sign-in.ts';
import { signOut as requestSignOut } from '../api/sign-out.ts';
import { createStore, type ReadableStore } from './create-store.ts';
import type { StaffUser } from '../api/principal.ts';

/** Why the public state was reached: the user signed out, or the server ended the session (401, expiry). */
export type SessionNotice = 'signed-out' | 'ended';

export type SessionState =
  | { status: 'checking' }
  | { status: 'public'; notice: SessionNotice | null }
  | { status: 'signed-in'; user: StaffUser };

export interface SessionSnapshot {
  state: SessionState;
  /**
   * Changes at every sign-in, sign-out and end of session: what depends on the caller (the layer catalog,
   * the tiles, an open feature) is reloaded when it changes.
   */
  generation: number;
}

/** The browser's staff session, shared by the shell and every app. */
export interface SessionStore extends ReadableStore<SessionSnapshot> {
  /** Asks the server who we are (GET /api/auth/me); unknown counts as public, so the public map always works. */
  check(): void;
  /** Signs in (the server sets the HttpOnly cookie), then asks who we are. Throws ApiError on failure. */
  signIn(username: string, password: string): Promise<StaffUser>;
  /** Signs out; throws ApiError when the server cannot be reached (the session is then still open). */
  signOut(): Promise<void>;
  /** The session is over (a 401 from a staff request, or its expiry). True when one was open. */
  endSession(): boolean;
  /** Forgets the notice once the user has seen it. */
  dismissNotice(): void;
}

/** setTimeout's longest delay (about 24.8 days); sessions are shorter, this only guards the timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The session as an external store. The token lives only in the HttpOnly cookie; the client knows who is
 * signed in from GET /api/auth/me, asked at start-up and after each sign-in, and ends the session itself at
 * its expiry time.
 */
export function createSessionStore(): SessionStore {
  const store = createStore<SessionSnapshot>({ state: { status: 'checking' }, generation: 0 });
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const apply = (state: SessionState, isNewPrincipal: boolean) =>
    store.update((previous) => ({ state, generation: isNewPrincipal ? previous.generation + 1 : previous.generation }));
  const clearExpiry = () => {
    clearTimeout(expiryTimer);
    expiryTimer = undefined;
  };
  const endSession = (): boolean => {
    if (store.get().state.status !== 'signed-in') return false;
    clearExpiry();
    apply({ status: 'public', notice: 'ended' }, true);
    return true;
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    check() {
      fetchPrincipal().then(
        (principal) => {
          if (store.get().state.status !== 'checking') return;
          apply(principal.kind === 'user' ? { status: 'signed-in', user: principal.user } : { status: 'public', notice: null }, false);
        },
        () => {
          if (store.get().state.status === 'checking') apply({ status: 'public', notice: null }, false);
        },
      );
    },
    async signIn(username, password) {
      const { expiresAt } = await requestSignIn(username, password);
      const principal = await fetchPrincipal();
      if (principal.kind !== 'user') {
        // Signed in, yet the next request is anonymous: the browser did not keep the session cookie.
        throw new ApiError({ status: 0, type: 'cookie-refused', title: 'Session cookie refused' });
      }
      apply({ status: 'signed-in', user: principal.user }, true);
      clearExpiry();
      const delay = Date.parse(expiresAt) - Date.now();
      if (Number.isFinite(delay)) expiryTimer = setTimeout(endSession, Math.min(Math.max(delay, 0), MAX_TIMER_MS));
      return principal.user;
    },
    async signOut() {
      await requestSignOut();
      clearExpiry();
      apply({ status: 'public', notice: 'signed-out' }, true);
    },
    endSession,
    dismissNotice() {
      store.update((previous) =>
        previous.state.status === 'public' && previous.state.notice !== null ? { ...previous, state: { status: 'public', notice: null } } : previous,
      );
    },
  };
}
