import type { LayerView } from '../auth/policy.ts';
import { ident } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';

/**
 * SELECT list for query results: id, GeoJSON geometry and the properties the caller may see, as
 * `properties` json (so results of different layers share one shape).
 */
export function resultColumns(layer: LayerDefinition, view: LayerView, alias = 't'): string {
  const pairs = view.properties.map(([name, property]) => `'${checkedName(name)}', ${alias}.${ident(property.column)}`);
  return `${alias}.${ident(layer.idColumn)} AS id, ST_AsGeoJSON(${alias}.${ident(layer.geometry.column)}, 7)::json AS geometry,
    json_build_object(${pairs.join(', ')}) AS properties`;
}

function checkedName(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected property name ${name}`);
  return name;
}

/** A query result row as a GeoJSON feature with its layer (a foreign member) and extra measures. */
export function toResultFeature(layer: LayerDefinition, row: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { type: 'Feature' as const, id: Number(row.id), layer: layer.id, geometry: row.geometry, properties: row.properties, ...extra };
}
