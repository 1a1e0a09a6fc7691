import type { LayerCatalog } from './catalog.ts';

/**
 * The visible layers once the catalog changes (someone signed in or out): a layer in both catalogs keeps
 * the user's choice, a new layer (inspections for an inspector) takes its default, and a layer gone from
 * the catalog is dropped.
 */
export function reconcileVisibleLayers(visible: ReadonlySet<string>, previous: LayerCatalog, next: LayerCatalog): Set<string> {
  const previousIds = new Set(previous.layers.map((layer) => layer.id));
  return new Set(
    next.layers
      .filter((layer) => (previousIds.has(layer.id) ? visible.has(layer.id) : layer.isVisibleByDefault))
      .map((layer) => layer.id),
  );
}
