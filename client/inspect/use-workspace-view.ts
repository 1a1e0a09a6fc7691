import { useCallback, useMemo } from 'react';
import type { LayerCatalog, LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { type AllowedValues, parseWorkspaceView, type WorkspaceView, withWorkspaceView } from './workspace-url.ts';

/** The sortable columns of each list. */
export const PERMIT_SORT_KEYS = ['reference', 'kind', 'status', 'submitted_on', 'valid_until'] as const;
export const ESTABLISHMENT_SORT_KEYS = ['name', 'category', 'latest_grade'] as const;

function enumValues(layer: LayerCatalogEntry | undefined, property: string): string[] {
  return layer?.properties.find((candidate) => candidate.name === property)?.values?.map((entry) => entry.value) ?? [];
}

/** What the URL may name, from the catalog the caller was given. */
export function allowedValuesOf(catalog: LayerCatalog): AllowedValues {
  const layer = (id: string) => catalog.layers.find((entry) => entry.id === id);
  return {
    kind: enumValues(layer('permits'), 'kind'),
    status: enumValues(layer('permits'), 'status'),
    category: enumValues(layer('establishments'), 'category'),
    grade: enumValues(layer('establishments'), 'latest_grade'),
    permitSortKeys: PERMIT_SORT_KEYS,
    establishmentSortKeys: ESTABLISHMENT_SORT_KEYS,
  };
}

/**
 * The workspace's view (tab, filters, sorts, statistic) read from the address bar, and the way to change it:
 * each change replaces the query of the current history entry, so the URL can be shared as it is.
 */
export function useWorkspaceView(catalog: LayerCatalog): [WorkspaceView, (change: (view: WorkspaceView) => WorkspaceView) => void] {
  const { router } = useServices();
  const search = useStore(router, (location) => location.search);
  const allowed = useMemo(() => allowedValuesOf(catalog), [catalog]);
  const view = useMemo(() => parseWorkspaceView(search, allowed), [search, allowed]);
  const update = useCallback(
    (change: (current: WorkspaceView) => WorkspaceView) => {
      const location = router.get();
      const next = change(parseWorkspaceView(location.search, allowed));
      router.replaceView(withWorkspaceView(location.search, next), location.hash);
    },
    [router, allowed],
  );
  return [view, update];
}
