import { findReadableLayer } from '../auth/layer-access.ts';
import { type LayerView, layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { NotFoundError } from '../http/errors.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { parseTileCoordinates, type TileCoordinates } from './tile-coordinates.ts';

/** A tile request checked against the registry and the policy: what to render, as whom. */
export interface ResolvedTileRequest {
  layer: LayerDefinition;
  view: LayerView;
  tile: TileCoordinates;
}

/**
 * Checks a tile address for a caller, the same way for every caller: the layer exists and the caller may
 * read it (404 listing the layers, 401/403), z/x/y are valid (400), the zoom is in the layer's range (404).
 * The public's views are computed once per layer (the public map asks for thousands of tiles).
 */
export function createTileResolver(registry: LayerRegistry): (principal: Principal, layerId: string, z: string, x: string, y: string) => ResolvedTileRequest {
  const publicViews = new Map<string, LayerView>();
  return (principal, layerId, z, x, y) => {
    const layer = findReadableLayer(registry, layerId, principal);
    const tile = parseTileCoordinates(z, x, y);
    if (tile.z < layer.tiles.minzoom || tile.z > layer.tiles.maxzoom) {
      throw new NotFoundError('zoom-out-of-range', `Layer ${layer.id} has tiles from zoom ${layer.tiles.minzoom} to ${layer.tiles.maxzoom}`);
    }
    if (principal.kind !== 'public') return { layer, view: layerView(principal, layer, registry), tile };
    let view = publicViews.get(layer.id);
    if (!view) {
      view = layerView(principal, layer, registry);
      publicViews.set(layer.id, view);
    }
    return { layer, view, tile };
  };
}
