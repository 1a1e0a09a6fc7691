import type { LayerCatalog } from '../api/layer-catalog.ts';
import type { AppStateStore } from './app-state.ts';
import type { CatalogStore } from './catalog-store.ts';
import { defaultVisibleLayerIds, reconcileVisibleLayers } from './reconcile-visible-layers.ts';

/**
 * Keeps the visible layers and the selection in step with the catalog: the first catalog brings its
 * defaults; a new one (someone signed in or out) keeps the user's choices where it can, and closes a
 * feature whose layer the new caller may not read.
 */
export function bindVisibleLayers(catalog: CatalogStore, state: AppStateStore): () => void {
  let previous: LayerCatalog | undefined;
  const apply = () => {
    const current = catalog.get();
    if (current.status !== 'ready' || current.catalog === previous) return;
    const before = previous;
    const next = current.catalog;
    previous = next;
    state.update((snapshot) => {
      const visibleLayerIds =
        before && snapshot.visibleLayerIds
          ? reconcileVisibleLayers(snapshot.visibleLayerIds, before, next, snapshot.layerFamilies)
          : (snapshot.visibleLayerIds ?? defaultVisibleLayerIds(next, snapshot.layerFamilies));
      const isSelectionReadable = snapshot.selection !== null && next.layers.some((layer) => layer.id === snapshot.selection?.layerId);
      return { ...snapshot, visibleLayerIds, selection: isSelectionReadable ? snapshot.selection : null };
    });
  };
  apply();
  return catalog.subscribe(apply);
}
