import { ident, type RegistryIdent } from '../db/sql.ts';

/**
 * Which zooms of which layers draw from generalised data (migration 0004_tile_generalisation.sql) instead
 * of the layer's own table. The database decides what each of these zooms contains (tile_road_rules,
 * tile_point_rules) and keeps it current with triggers; this side only needs to know where to read.
 * tests/integration/tile-generalisation.test.ts checks that both sides name the same zooms.
 */
export interface GeneralisedZooms {
  /** First and last generalised zoom, inclusive. Deeper zooms read the layer's table. */
  minzoom: number;
  maxzoom: number;
  /** Kind of generalisation: simplified lines filtered by class, or points thinned to one per cell. */
  kind: 'lines' | 'points';
}

export const GENERALISED_LAYERS: Readonly<Record<string, GeneralisedZooms>> = Object.freeze({
  road_segments: { minzoom: 10, maxzoom: 13, kind: 'lines' },
  permits: { minzoom: 11, maxzoom: 13, kind: 'points' },
  inspections: { minzoom: 12, maxzoom: 13, kind: 'points' },
});

/**
 * The generalised store: one row per feature drawn at a zoom, geometry in EPSG:3857 already simplified
 * and snapped to that zoom's grid. Maintained by the database, never written by the server.
 */
export const GENERALISED_TABLE = {
  table: ident('public', 'tile_generalised'),
  layerColumn: ident('layer'),
  zoomColumn: ident('zoom'),
  featureIdColumn: ident('feature_id'),
  geometryColumn: ident('geom'),
} as const satisfies Record<string, RegistryIdent>;

/** Whether a tile of this layer at zoom z reads the generalised store. */
export function usesGeneralisedSource(layerId: string, z: number): boolean {
  const zooms = GENERALISED_LAYERS[layerId];
  return zooms !== undefined && z >= zooms.minzoom && z <= zooms.maxzoom;
}
