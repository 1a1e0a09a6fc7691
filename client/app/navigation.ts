/**
 * The client's routes. The public map (/) never asks for an account; the staff area (/staff) asks for a
 * sign-in first and then shows the account. The server answers every non-API path with index.html, so
 * either URL can be opened, bookmarked or reloaded.
 */
export type Route = 'map' | 'staff';

const STAFF_PATH = '/staff';

/** The route of a URL path; any path the client does not know shows the public map. */
export function parseRoute(pathname: string): Route {
  return pathname.replace(/\/+$/, '') === STAFF_PATH ? 'staff' : 'map';
}

export function pathOf(route: Route): string {
  return route === 'staff' ? STAFF_PATH : '/';
}

/** The current route, changed through the browser history so Back and Forward work. */
export interface Navigation {
  current(): Route;
  navigate(route: Route): void;
  /** Calls the listener after every change of route (React's useSyncExternalStore contract). */
  subscribe(listener: () => void): () => void;
}

/**
 * Navigation over the History API of a window. The query string (language, test mode) and the hash are
 * kept when the path changes.
 */
export function createHistoryNavigation(window: Window): Navigation {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    current: () => parseRoute(window.location.pathname),
    navigate(route) {
      if (parseRoute(window.location.pathname) === route) return;
      window.history.pushState(null, '', `${pathOf(route)}${window.location.search}${window.location.hash}`);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener('popstate', notify);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('popstate', notify);
      };
    },
  };
}
