import { ident } from '../db/sql.ts';
import { allProperties, featureColumns, table } from '../features/feature-sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { PROPERTY_SQL_TYPES } from '../layers/property-sql-types.ts';

/**
 * Statements that make a layer's features keyed by an external id (a GTFS stop_id or route_id held in
 * property `keyName`) match a list of wanted features, set-based: one UPDATE of the features whose values
 * or geometry differ, one INSERT of the new ones, one DELETE of those no longer wanted. Features without
 * a key (drawn by hand) are never touched. Names come only from the registry, escaped; the wanted
 * features are one bound JSON parameter of records {k, p0…pn, g} (g: GeoJSON geometry).
 */
export interface KeyedSyncStatements {
  /** Every keyed feature, whole (all properties): the before and after snapshots of history. */
  snapshot: string;
  /** $1: records. Updates only where something differs, so an unchanged feature keeps its version. */
  update: string;
  /** $1: records. */
  insert: string;
  /** $1: text[] of the keys to keep. */
  delete: string;
}

export function buildKeyedSync(layer: LayerDefinition, keyName: string, propertyNames: readonly string[]): KeyedSyncStatements {
  const keyProperty = layer.properties[keyName];
  if (!keyProperty) throw new Error(`buildKeyedSync: ${layer.id} has no property ${keyName}`);
  const properties = propertyNames.map((name) => {
    const property = layer.properties[name];
    if (!property) throw new Error(`buildKeyedSync: ${layer.id} has no property ${name}`);
    return property;
  });
  const target = table(layer);
  const key = ident(keyProperty.column);
  const geometryColumn = ident(layer.geometry.column);
  const srid = Number(layer.geometry.srid);
  const geometry = `ST_SetSRID(ST_GeomFromGeoJSON(r.g), ${srid})`;
  const recordset = `json_to_recordset($1::json) AS r(k text, ${properties.map((property, index) => `p${index} ${PROPERTY_SQL_TYPES[property.type]}`).join(', ')}, g json)`;
  const columns = properties.map((property) => ident(property.column));
  const values = properties.map((_, index) => `r.p${index}`);
  return {
    snapshot: `SELECT ${featureColumns(layer, allProperties(layer))}, t.${key} AS "__key"\nFROM ${target} AS t\nWHERE t.${key} IS NOT NULL`,
    update: [
      `UPDATE ${target} AS t SET ${columns.map((column, index) => `${column} = ${values[index]}`).join(', ')}, ${geometryColumn} = ${geometry}`,
      `  FROM ${recordset}`,
      ` WHERE t.${key} = r.k`,
      `   AND ((${columns.map((column) => `t.${column}`).join(', ')}) IS DISTINCT FROM (${values.join(', ')})`,
      `        OR NOT ST_OrderingEquals(t.${geometryColumn}, ${geometry}))`,
    ].join('\n'),
    insert: [
      `INSERT INTO ${target} (${key}, ${columns.join(', ')}, ${geometryColumn})`,
      `SELECT r.k, ${values.join(', ')}, ${geometry}`,
      `  FROM ${recordset}`,
      ` WHERE NOT EXISTS (SELECT 1 FROM ${target} AS t WHERE t.${key} = r.k)`,
    ].join('\n'),
    delete: `DELETE FROM ${target} AS t WHERE t.${key} IS NOT NULL AND NOT (t.${key} = ANY($1::text[]))`,
  };
}

/** A wanted feature: its key, its property values by API name and its GeoJSON geometry. */
export interface KeyedFeature {
  key: string;
  values: Record<string, unknown>;
  geometry: object;
}

/** The records for the statements of buildKeyedSync(layer, key, propertyNames). */
export function keyedRecords(features: readonly KeyedFeature[], propertyNames: readonly string[]): object[] {
  return features.map((feature) => {
    const record: Record<string, unknown> = { k: feature.key, g: feature.geometry };
    propertyNames.forEach((name, index) => {
      record[`p${index}`] = feature.values[name] ?? null;
    });
    return record;
  });
}
