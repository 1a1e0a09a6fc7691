import { createStore, type ReadableStore } from './create-store.ts';

/** Where the page is: the path picks the app, the query and hash carry the view (state/url-state.ts). */
export interface PageLocation {
  pathname: string;
  search: string;
  hash: string;
}

/** Query parameters that follow the user from one app to another: the language and the test switch. */
const KEPT_PARAMETERS = ['lang', 'test'];

export interface Router extends ReadableStore<PageLocation> {
  /**
   * Opens a path through the browser history, so Back and Forward work. The language and the map position
   * (the hash) are kept; `parameters` are added to the query.
   */
  navigate(path: string, options?: { replace?: boolean; parameters?: Record<string, string> }): void;
  /** Rewrites the query and hash of the current entry (no new history entry): the view as it changes. */
  replaceView(search: string, hash: string): void;
  /**
   * Asks before the app is left for another path (unsaved edits): `navigate` goes ahead only when the guard
   * returns true. Null removes it. Reloading or closing the page is the app's own `beforeunload`.
   */
  setLeaveGuard(guard: ((path: string) => boolean) | null): void;
}

/** The query string of a new path: the kept parameters of the current one, plus the new ones. */
export function queryForNavigation(currentSearch: string, parameters: Record<string, string> = {}): string {
  const current = new URLSearchParams(currentSearch);
  const next = new URLSearchParams();
  for (const name of KEPT_PARAMETERS) {
    const value = current.get(name);
    if (value !== null) next.set(name, value);
  }
  for (const [name, value] of Object.entries(parameters)) next.set(name, value);
  const query = next.toString();
  return query ? `?${query}` : '';
}

/** The router over a window's History API; it also follows Back and Forward (popstate). */
export function createHistoryRouter(window: Window): Router {
  const read = (): PageLocation => ({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash });
  const store = createStore(read());
  const sync = () =>
    store.update((current) => {
      const next = read();
      return next.pathname === current.pathname && next.search === current.search && next.hash === current.hash ? current : next;
    });
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  let leaveGuard: ((path: string) => boolean) | null = null;
  return {
    get: store.get,
    subscribe: store.subscribe,
    setLeaveGuard(guard) {
      leaveGuard = guard;
    },
    navigate(path, options = {}) {
      if (leaveGuard && path !== window.location.pathname && !leaveGuard(path)) return;
      const url = `${path}${queryForNavigation(window.location.search, options.parameters)}${window.location.hash}`;
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      sync();
    },
    replaceView(search, hash) {
      if (search === window.location.search && hash === window.location.hash) return;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${hash}`);
      sync();
    },
  };
}
