import { useEffect } from 'react';
import { useStore } from '../../state/create-store.ts';
import { useServices } from '../../state/services.tsx';

/** The service worker's script (client/inspect/offline/service-worker.ts, built at the site's root) and its scope. */
const WORKER_URL = '/inspect-sw.js';
const WORKER_SCOPE = '/inspect';
/** The account the data cache was filled for, so that another account on the same device starts empty. */
const OWNER_KEY = 'casa-sig-inspect-cache-owner';

/** Same-origin resources this page loaded (code, fonts, tiles, API answers), for the worker's first fill. */
function loadedResources(): string[] {
  const own = window.location.origin;
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${own}/`));
}

/**
 * Makes the workspace available offline after this visit: registers the service worker (scope /inspect)
 * and, once it runs, hands it what the page loaded before it was in control; empties its data cache when
 * another account uses the workspace on this device. Nothing happens where service workers do not exist
 * (or in the development server, which serves no built worker).
 */
export function useOfflineWorkspace(): void {
  const { session } = useServices();
  const username = useStore(session, (snapshot) => (snapshot.state.status === 'signed-in' ? snapshot.state.user.username : null));

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV || username === null) return;
    let isCancelled = false;
    void (async () => {
      try {
        await navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE });
        const registration = await navigator.serviceWorker.ready;
        if (isCancelled) return;
        const previousOwner = window.localStorage.getItem(OWNER_KEY);
        if (previousOwner !== null && previousOwner !== username) registration.active?.postMessage({ type: 'forget-data' });
        window.localStorage.setItem(OWNER_KEY, username);
        registration.active?.postMessage({ type: 'cache-urls', urls: [window.location.href, ...loadedResources()] });
      } catch {
        // No worker (private browsing, storage refused): the workspace still works online.
      }
    })();
    return () => {
      isCancelled = true;
    };
  }, [username]);
}
