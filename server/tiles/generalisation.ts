import { ident, type RegistryIdent } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';

/**
 * The generalised store: one row per feature drawn at a zoom, geometry in EPSG:3857 already simplified
 * and snapped to that zoom's grid (migrations 0004 and 0011). Maintained by the database, never written by
 * the server; which layers and zooms it holds is the registry's `generalisation`, checked against the
 * database's rules at start (layers/wiring-check.ts).
 */
export const GENERALISED_TABLE = {
  table: ident('public', 'tile_generalised'),
  layerColumn: ident('layer'),
  zoomColumn: ident('zoom'),
  featureIdColumn: ident('feature_id'),
  geometryColumn: ident('geom'),
} as const satisfies Record<string, RegistryIdent>;

/** First and last generalised zoom of a layer, or undefined when it is never generalised. */
export function generalisedZooms(layer: LayerDefinition): { minzoom: number; maxzoom: number } | undefined {
  const declared = layer.generalisation;
  if (!declared) return undefined;
  if (declared.kind === 'lines') return { minzoom: declared.minzoom, maxzoom: declared.maxzoom };
  const zooms = Object.keys(declared.cellUnits).map(Number);
  return { minzoom: Math.min(...zooms), maxzoom: Math.max(...zooms) };
}

/** Whether a tile of this layer at zoom z reads the generalised store. */
export function usesGeneralisedSource(layer: LayerDefinition, z: number): boolean {
  const zooms = generalisedZooms(layer);
  return zooms !== undefined && z >= zooms.minzoom && z <= zooms.maxzoom;
}
