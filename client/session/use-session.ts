import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { fetchPrincipal } from '../api/fetch-principal.ts';
import { signIn as requestSignIn } from '../api/sign-in.ts';
import { signOut as requestSignOut } from '../api/sign-out.ts';
import type { StaffUser } from './principal.ts';

/** Why the public state was reached: the user signed out, or the server ended the session (401, expiry). */
export type SessionNotice = 'signed-out' | 'ended';

export type SessionState =
  | { status: 'checking' }
  | { status: 'public'; notice: SessionNotice | null }
  | { status: 'signed-in'; user: StaffUser };

export interface Session {
  state: SessionState;
  /**
   * Changes at every sign-in, sign-out and end of session: what depends on the caller (the layer
   * catalog, the tiles, an open feature) is reloaded when it changes.
   */
  generation: number;
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
 * The browser's staff session. The token lives only in the HttpOnly cookie; the client knows who is
 * signed in from GET /api/auth/me, asked at start-up and after each sign-in.
 */
export function useSession(): Session {
  const [current, setCurrent] = useState<{ state: SessionState; generation: number }>({ state: { status: 'checking' }, generation: 0 });
  const statusRef = useRef<SessionState['status']>('checking');
  const expiryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const apply = useCallback((state: SessionState, isNewPrincipal: boolean) => {
    statusRef.current = state.status;
    setCurrent((previous) => ({ state, generation: isNewPrincipal ? previous.generation + 1 : previous.generation }));
  }, []);

  const clearExpiry = useCallback(() => {
    clearTimeout(expiryTimer.current);
    expiryTimer.current = undefined;
  }, []);

  const endSession = useCallback((): boolean => {
    if (statusRef.current !== 'signed-in') return false;
    clearExpiry();
    apply({ status: 'public', notice: 'ended' }, true);
    return true;
  }, [apply, clearExpiry]);

  useEffect(() => {
    const controller = new AbortController();
    fetchPrincipal(controller.signal).then(
      (principal) => apply(principal.kind === 'user' ? { status: 'signed-in', user: principal.user } : { status: 'public', notice: null }, false),
      // Unknown means public: the public map must work even when /api/auth/me does not.
      () => {
        if (!controller.signal.aborted) apply({ status: 'public', notice: null }, false);
      },
    );
    return () => {
      controller.abort();
      clearExpiry();
    };
  }, [apply, clearExpiry]);

  const signIn = useCallback(
    async (username: string, password: string): Promise<StaffUser> => {
      const { expiresAt } = await requestSignIn(username, password);
      const principal = await fetchPrincipal();
      if (principal.kind !== 'user') {
        // Signed in, yet the next request is anonymous: the browser did not keep the session cookie.
        throw new ApiError({ status: 0, type: 'cookie-refused', title: 'Session cookie refused' });
      }
      apply({ status: 'signed-in', user: principal.user }, true);
      clearExpiry();
      const delay = Date.parse(expiresAt) - Date.now();
      if (Number.isFinite(delay)) expiryTimer.current = setTimeout(endSession, Math.min(Math.max(delay, 0), MAX_TIMER_MS));
      return principal.user;
    },
    [apply, clearExpiry, endSession],
  );

  const signOut = useCallback(async () => {
    await requestSignOut();
    clearExpiry();
    apply({ status: 'public', notice: 'signed-out' }, true);
  }, [apply, clearExpiry]);

  const dismissNotice = useCallback(() => {
    setCurrent((previous) =>
      previous.state.status === 'public' && previous.state.notice !== null ? { ...previous, state: { status: 'public', notice: null } } : previous,
    );
  }, []);

  return { state: current.state, generation: current.generation, signIn, signOut, endSession, dismissNotice };
}
