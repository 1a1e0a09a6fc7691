import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { fetchLayerCatalog } from '../api/fetch-layer-catalog.ts';
import type { LayerCatalog } from '../layers/catalog.ts';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /**
   * `generation` is the session generation the catalog was loaded for: while it differs from the current
   * one, the catalog of the new session is loading and the map keeps showing this one (it is never torn
   * down). `refreshError` when that load failed.
   */
  | { status: 'ready'; catalog: LayerCatalog; generation: number; refreshError: ApiError | null };

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, type: 'client-error', title: 'Client error', detail: (error as Error)?.message ?? String(error) });
}

/**
 * Loads GET /api/layers, again whenever `sessionGeneration` changes (the catalog depends on who asks:
 * staff see more layers and properties) and on `retry`; cancels a request that is no longer wanted.
 */
export function useLayerCatalog(sessionGeneration: number): { state: CatalogState; retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'ready' ? { ...current, refreshError: null } : { status: 'loading' }));
    fetchLayerCatalog(controller.signal).then(
      (catalog) => setState({ status: 'ready', catalog, generation: sessionGeneration, refreshError: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) =>
          current.status === 'ready'
            ? { ...current, refreshError: toApiError(error) }
            : { status: 'error', error: toApiError(error) },
        );
      },
    );
    return () => controller.abort();
  }, [sessionGeneration, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
