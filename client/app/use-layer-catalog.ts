import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { fetchLayerCatalog } from '../api/fetch-layer-catalog.ts';
import type { LayerCatalog } from '../layers/catalog.ts';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; catalog: LayerCatalog };

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, type: 'client-error', title: 'Client error', detail: (error as Error)?.message ?? String(error) });
}

/** Loads GET /api/layers once (again on `retry`), cancelling a request whose component went away. */
export function useLayerCatalog(): { state: CatalogState; retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchLayerCatalog(controller.signal).then(
      (catalog) => setState({ status: 'ready', catalog }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
