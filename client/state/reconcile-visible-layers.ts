import type { LayerCatalog } from '../api/layer-catalog.ts';

/** The catalog layers visible when the map opens, within the app's layer families (null: all). */
export function defaultVisibleLayerIds(catalog: LayerCatalog, families: readonly string[] | null = null): Set<string> {
  const layers = catalog.layers.filter((layer) => families === null || families.includes(layer.family));
  return new Set(layers.filter((layer) => layer.isVisibleByDefault).map((layer) => layer.id));
}

/**
 * The visible layers once the catalog changes (someone signed in or out): a layer in both catalogs keeps
 * the user's choice, a new layer (inspections for an inspector) takes its default, and a layer gone from
 * the catalog is dropped.
 */
export function reconcileVisibleLayers(
  visible: ReadonlySet<string>,
  previous: LayerCatalog,
  next: LayerCatalog,
  families: readonly string[] | null = null,
): Set<string> {
  const previousIds = new Set(previous.layers.map((layer) => layer.id));
  const isInFamilies = (family: string) => families === null || families.includes(family);
  return new Set(
    next.layers
      .filter((layer) => (previousIds.has(layer.id) ? visible.has(layer.id) : layer.isVisibleByDefault && isInFamilies(layer.family)))
      .map((layer) => layer.id),
  );
}
