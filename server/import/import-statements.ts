import { ident } from '../db/sql.ts';
import { allProperties, featureColumns, table } from '../features/feature-sql.ts';
import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { PROPERTY_SQL_TYPES } from '../layers/property-sql-types.ts';
import type { WriteRow } from './import-row.ts';

/**
 * The statements an import runs, built from the registry only: table and column names are escaped registry
 * identifiers; the rows travel as one bound JSON parameter ($1, an array of records) whose fields are
 * positional (id, p0, p1, …, g), so no source name ever reaches the SQL text. Pure; tested by their text.
 */

function propertiesOf(layer: LayerDefinition, propertyNames: readonly string[], caller: string): PropertyDefinition[] {
  return propertyNames.map((name) => {
    const property = layer.properties[name];
    if (!property) throw new Error(`${caller}: ${layer.id} has no property ${name}`);
    return property;
  });
}

function recordset(properties: readonly PropertyDefinition[]): string {
  const fields = ['id bigint', ...properties.map((property, index) => `p${index} ${PROPERTY_SQL_TYPES[property.type]}`), 'g json'];
  return `json_to_recordset($1::json) AS r(${fields.join(', ')})`;
}

function geometryOf(layer: LayerDefinition): string {
  return `ST_SetSRID(ST_GeomFromGeoJSON(r.g), ${Number(layer.geometry.srid)})`;
}

/** INSERT of new features under the ids reserved for them (so that children can name their parents). */
export function buildInsertStatement(layer: LayerDefinition, propertyNames: readonly string[]): string {
  const properties = propertiesOf(layer, propertyNames, 'buildInsertStatement');
  const columns = [ident(layer.idColumn), ...properties.map((property) => ident(property.column)), ident(layer.geometry.column)];
  const selected = ['r.id', ...properties.map((_, index) => `r.p${index}`), geometryOf(layer)];
  return [
    `INSERT INTO ${table(layer)} (${columns.join(', ')})`,
    `SELECT ${selected.join(', ')}`,
    `  FROM ${recordset(properties)}`,
  ].join('\n');
}

/** Whether a record differs from its feature, in the properties given or the geometry. */
function differsCondition(layer: LayerDefinition, properties: readonly PropertyDefinition[]): string {
  const columns = properties.map((property) => `t.${ident(property.column)}`);
  const values = properties.map((_, index) => `r.p${index}`);
  return [
    ...(columns.length > 0 ? [`(${columns.join(', ')}) IS DISTINCT FROM (${values.join(', ')})`] : []),
    `NOT ST_OrderingEquals(t.${ident(layer.geometry.column)}, ${geometryOf(layer)})`,
  ].join('\n        OR ');
}

/**
 * UPDATE of existing features with the properties the import gives (null where the source now says
 * nothing) and the geometry, only where something differs: an unchanged feature keeps its version and
 * stays out of the history. Properties the import does not give (a condition a planner surveyed) are left
 * alone. Returns the ids changed.
 */
export function buildUpdateStatement(layer: LayerDefinition, propertyNames: readonly string[]): string {
  const properties = propertiesOf(layer, propertyNames, 'buildUpdateStatement');
  const assignments = [...properties.map((property, index) => `${ident(property.column)} = r.p${index}`), `${ident(layer.geometry.column)} = ${geometryOf(layer)}`];
  const id = ident(layer.idColumn);
  return [
    `UPDATE ${table(layer)} AS t SET ${assignments.join(', ')}`,
    `  FROM ${recordset(properties)}`,
    ` WHERE t.${id} = r.id`,
    `   AND (${differsCondition(layer, properties)})`,
    `RETURNING t.${id} AS id`,
  ].join('\n');
}

/** The ids among the records that differ from their feature: what buildUpdateStatement would change, changing nothing. */
export function buildChangedQuery(layer: LayerDefinition, propertyNames: readonly string[]): string {
  const properties = propertiesOf(layer, propertyNames, 'buildChangedQuery');
  const id = ident(layer.idColumn);
  return [
    `SELECT t.${id} AS id`,
    `  FROM ${recordset(properties)}`,
    `  JOIN ${table(layer)} AS t ON t.${id} = r.id`,
    ` WHERE ${differsCondition(layer, properties)}`,
  ].join('\n');
}

/** DELETE of features by id ($1 bigint[]). */
export function buildDeleteStatement(layer: LayerDefinition): string {
  return `DELETE FROM ${table(layer)} AS t WHERE t.${ident(layer.idColumn)} = ANY ($1::bigint[])`;
}

/**
 * The ids among $1 that no other feature among $1 has as its parent: what can be deleted first when a
 * hierarchy's parents may not go before their children.
 */
export function buildLeavesQuery(layer: LayerDefinition, parentProperty: string): string {
  const id = ident(layer.idColumn);
  const parent = ident(layer.properties[parentProperty]!.column);
  return `SELECT t.${id} AS id FROM ${table(layer)} AS t
 WHERE t.${id} = ANY ($1::bigint[])
   AND NOT EXISTS (SELECT 1 FROM ${table(layer)} AS c WHERE c.${parent} = t.${id} AND c.${id} = ANY ($1::bigint[]))`;
}

/** Every feature of $1 (bigint[]) whole, personal properties included: the snapshots history keeps. */
export function buildSnapshotQuery(layer: LayerDefinition): string {
  return `SELECT ${featureColumns(layer, allProperties(layer))}\nFROM ${table(layer)} AS t\nWHERE t.${ident(layer.idColumn)} = ANY ($1::bigint[])`;
}

/** Every id of the layer ($1 unused): what --replace removes. */
export function buildAllIdsQuery(layer: LayerDefinition): string {
  return `SELECT t.${ident(layer.idColumn)} AS id FROM ${table(layer)} AS t ORDER BY 1`;
}

/**
 * The features whose `property` is one of $1 (text[]), with their level when the layer nests: the
 * parents an import links to by code or name.
 */
export function buildParentLookup(layer: LayerDefinition, property: string): string {
  const hierarchy = layer.hierarchy;
  const level = hierarchy ? `t.${ident(layer.properties[hierarchy.levelProperty]!.column)}` : 'NULL';
  const column = `t.${ident(layer.properties[property]!.column)}`;
  return `SELECT t.${ident(layer.idColumn)} AS id, ${column}::text AS link, ${level}::text AS level FROM ${table(layer)} AS t WHERE ${column}::text = ANY ($1::text[])`;
}

/**
 * The source keys of a layer's features under one key name ($1 layer, $2 key name), for the features that
 * still exist.
 */
export function buildKeyLookup(layer: LayerDefinition): string {
  return `SELECT k.key_value, k.feature_id AS id
  FROM feature_source_keys AS k JOIN ${table(layer)} AS t ON t.${ident(layer.idColumn)} = k.feature_id
 WHERE k.layer = $1 AND k.key_name = $2`;
}

/** How many features of the layer no import under this key name made ($1 layer, $2 key name). */
export function buildUnkeyedCountQuery(layer: LayerDefinition): string {
  return `SELECT count(*) AS count FROM ${table(layer)} AS t
 WHERE NOT EXISTS (SELECT 1 FROM feature_source_keys AS k WHERE k.layer = $1 AND k.key_name = $2 AND k.feature_id = t.${ident(layer.idColumn)})`;
}

/** Rows grouped by the set of properties they carry, in registry order: one INSERT each, so absent ones take the column default. */
export function groupRowsByProperties(layer: LayerDefinition, rows: readonly WriteRow[]): { propertyNames: string[]; rows: WriteRow[] }[] {
  const order = Object.keys(layer.properties);
  const groups = new Map<string, { propertyNames: string[]; rows: WriteRow[] }>();
  for (const row of rows) {
    const propertyNames = order.filter((name) => row.values[name] !== undefined && row.values[name] !== null);
    const key = propertyNames.join('\u0000');
    const group = groups.get(key) ?? { propertyNames, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The JSON record of one row for the statements above (absent values are null). */
export function toRecord(row: WriteRow, propertyNames: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = { id: row.id, g: row.geometry };
  propertyNames.forEach((name, index) => {
    record[`p${index}`] = row.values[name] ?? null;
  });
  return record;
}
