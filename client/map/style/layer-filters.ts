import type { ExpressionSpecification, FilterSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StyleLayerMetadata } from './layer-style-layers.ts';

/**
 * Filters an app puts on a catalog layer's features (the inspectors' workspace shows only the permits its
 * list shows): by catalog layer id, a MapLibre expression over the properties the tiles carry.
 */
export type LayerFilters = ReadonlyMap<string, ExpressionSpecification>;

/**
 * The style with each filtered catalog layer's style layers narrowed to the features the filter keeps
 * (combined with the layer's own filter, for footprints and points). Pure, so a restyle keeps the filters.
 */
export function applyLayerFilters(style: StyleSpecification, filters: LayerFilters): StyleSpecification {
  if (filters.size === 0) return style;
  return {
    ...style,
    layers: style.layers.map((layer) => {
      const owner = (layer.metadata as Partial<StyleLayerMetadata> | undefined)?.['casa-sig:layer'];
      const filter = owner === undefined ? undefined : filters.get(owner);
      if (!filter || layer.type === 'background' || !('source' in layer)) return layer;
      const own = 'filter' in layer ? (layer.filter as FilterSpecification | undefined) : undefined;
      return { ...layer, filter: (own ? ['all', own, filter] : filter) as FilterSpecification };
    }),
  };
}
