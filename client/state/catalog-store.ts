import { type ApiError, toApiError } from '../api/api-error.ts';
import { fetchLayerCatalog } from '../api/fetch-layer-catalog.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { createStore, type ReadableStore } from './create-store.ts';
import type { SessionStore } from './session-store.ts';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /**
   * `generation` is the session generation the catalog was loaded for: while it differs from the current
   * one, the catalog of the new session is loading and the map keeps showing this one (it is never torn
   * down). `refreshError` when that load failed.
   */
  | { status: 'ready'; catalog: LayerCatalog; generation: number; refreshError: ApiError | null };

export interface CatalogStore extends ReadableStore<CatalogState> {
  /** Loads the catalog again (the retry button of a failed load). */
  retry(): void;
}


/**
 * GET /api/layers for the current caller: loaded at start, again at every change of session (staff see more
 * layers and properties) and on retry; a load that is no longer wanted is cancelled.
 */
export function createCatalogStore(session: SessionStore): CatalogStore {
  const store = createStore<CatalogState>({ status: 'loading' });
  let controller: AbortController | undefined;
  let loadedGeneration = -1;

  const load = () => {
    controller?.abort();
    const request = new AbortController();
    controller = request;
    const generation = session.get().generation;
    loadedGeneration = generation;
    store.update((current) => (current.status === 'ready' ? { ...current, refreshError: null } : { status: 'loading' }));
    fetchLayerCatalog(request.signal).then(
      (catalog) => store.update(() => ({ status: 'ready', catalog, generation, refreshError: null })),
      (error: unknown) => {
        if (request.signal.aborted) return;
        store.update((current) =>
          current.status === 'ready' ? { ...current, refreshError: toApiError(error) } : { status: 'error', error: toApiError(error) },
        );
      },
    );
  };

  // The session's first answer (checking -> public or signed in) keeps its generation: the catalog
  // asked for at start is already the caller's.
  session.subscribe(() => {
    if (session.get().generation !== loadedGeneration) load();
  });
  load();
  return { get: store.get, subscribe: store.subscribe, retry: load };
}
