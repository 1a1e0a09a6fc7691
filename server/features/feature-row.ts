import type { Geometry } from 'geojson';
import type { PropertyDefinition } from '../layers/layer-definition.ts';
import { GEOMETRY_ALIAS, ID_ALIAS, UPDATED_ALIAS, VERSION_ALIAS } from './feature-sql.ts';

/** A feature read from its table: the full record, before any filtering for a caller. */
export interface StoredFeature {
  id: number;
  version: number;
  updatedAt: string;
  geometry: Geometry;
  /** Every property by API name (personal ones included). */
  properties: Record<string, unknown>;
}

function toApiValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Converts a row selected with featureColumns() into a StoredFeature. */
export function toStoredFeature(row: Record<string, unknown>, properties: readonly [string, PropertyDefinition][]): StoredFeature {
  return {
    id: Number(row[ID_ALIAS]),
    version: Number(row[VERSION_ALIAS]),
    updatedAt: toApiValue(row[UPDATED_ALIAS]) as string,
    geometry: row[GEOMETRY_ALIAS] as Geometry,
    properties: Object.fromEntries(properties.map(([name]) => [name, toApiValue(row[name]) ?? null])),
  };
}

/** The feature as GeoJSON, keeping only the properties in `visible` (the caller's view). */
export function toGeojsonFeature(feature: StoredFeature, visible: readonly [string, PropertyDefinition][]) {
  return {
    type: 'Feature' as const,
    id: feature.id,
    geometry: feature.geometry,
    properties: Object.fromEntries(visible.map(([name]) => [name, feature.properties[name] ?? null])),
  };
}
