import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  properties: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
}

/** Decodes an MVT into features per layer, with geometry in lon/lat. */
export function decodeTile(bytes: Uint8Array, tile: { z: number; x: number; y: number }): Record<string, DecodedFeature[]> {
  const vectorTile = new VectorTile(new PbfReader(bytes));
  const layers: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(vectorTile.layers)) {
    layers[name] = Array.from({ length: layer.length }, (_, index) => {
      const feature = layer.feature(index);
      return {
        id: feature.id,
        properties: { ...feature.properties },
        geometry: feature.toGeoJSON(tile.x, tile.y, tile.z).geometry,
      };
    });
  }
  return layers;
}
