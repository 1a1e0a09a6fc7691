import { useLayoutEffect } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { defaultVisibleLayerIds } from '../state/reconcile-visible-layers.ts';
import { useServices } from '../state/services.tsx';

/**
 * Gives the map the layers an app works with: when the app opens, only the default layers of its families
 * are drawn (and the layer of a feature opened from a link), and its layer panel lists only those families.
 * `null` is every family (the public map).
 */
export function useLayerFamilies(catalog: LayerCatalog, families: readonly string[] | null): void {
  const { state } = useServices();
  const key = families?.join(',') ?? '*';
  useLayoutEffect(() => {
    const selected = key === '*' ? null : key.split(',');
    state.update((current) => {
      const isSame = (current.layerFamilies?.join(',') ?? '*') === key;
      if (isSame && current.visibleLayerIds) return current;
      const visibleLayerIds = defaultVisibleLayerIds(catalog, selected);
      // A feature opened from a link stays open, its layer drawn.
      if (current.selection) visibleLayerIds.add(current.selection.layerId);
      return { ...current, layerFamilies: selected, visibleLayerIds };
    });
  }, [state, catalog, key]);
}

/**
 * The catalog's layers in these families (all for null) that the map draws: a layer whose features sit on
 * another layer's (inspections on their establishment) has no switch, its features open from the other's.
 */
export function layersOfFamilies(catalog: LayerCatalog, families: readonly string[] | null) {
  return catalog.layers.filter((layer) => layer.derivedFrom === null && (families === null || families.includes(layer.family)));
}
