import type { Geometry } from 'geojson';
import type pg from 'pg';
import { ident } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { PROPERTY_SQL_TYPES } from '../layers/property-sql-types.ts';
import type { PropertyValue } from '../layers/property-validation.ts';

/** One validated feature ready for its table. */
export interface ImportRow {
  /** 0-based position in the source file. */
  featureIndex: number;
  /** Non-null property values by API name (absent properties take the column default). */
  values: Record<string, PropertyValue>;
  /** 2D GeoJSON geometry in EPSG:4326, already of one of the layer's geometry types. */
  geometry: Geometry;
}

/** Rows sent per INSERT: one bound JSON parameter of a few hundred kB. */
const BATCH_SIZE = 1000;


/**
 * INSERT of many rows from one JSON parameter ($1, an array of records) with the SRID as $2. Table and
 * column names come only from the registry and are escaped; the record's own fields are positional
 * (p0, p1, …, g) so no source name ever reaches the SQL text.
 */
export function buildInsertStatement(layer: LayerDefinition, propertyNames: readonly string[]): string {
  const properties = propertyNames.map((name) => {
    const property = layer.properties[name];
    if (!property) throw new Error(`buildInsertStatement: ${layer.id} has no property ${name}`);
    return property;
  });
  const columns = [...properties.map((property) => ident(property.column)), ident(layer.geometry.column)];
  const selected = [...properties.map((_, index) => `r.p${index}`), 'ST_SetSRID(ST_GeomFromGeoJSON(r.g), $2::integer)'];
  const recordFields = [...properties.map((property, index) => `p${index} ${PROPERTY_SQL_TYPES[property.type]}`), 'g json'];
  return [
    `INSERT INTO ${ident(layer.table.schema, layer.table.name)} (${columns.join(', ')})`,
    `SELECT ${selected.join(', ')}`,
    `  FROM json_to_recordset($1::json) AS r(${recordFields.join(', ')})`,
  ].join('\n');
}

/**
 * Rows grouped by the set of properties they carry, in registry order: each group is one statement, so
 * that a property a row lacks takes its column default instead of NULL.
 */
export function groupRowsByProperties(layer: LayerDefinition, rows: readonly ImportRow[]): { propertyNames: string[]; rows: ImportRow[] }[] {
  const order = Object.keys(layer.properties);
  const groups = new Map<string, { propertyNames: string[]; rows: ImportRow[] }>();
  for (const row of rows) {
    const propertyNames = order.filter((name) => row.values[name] !== undefined && row.values[name] !== null);
    const key = propertyNames.join('\u0000');
    const group = groups.get(key) ?? { propertyNames, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The JSON record of one row for `buildInsertStatement(layer, propertyNames)`. */
export function toRecord(row: ImportRow, propertyNames: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = { g: row.geometry };
  propertyNames.forEach((name, index) => {
    record[`p${index}`] = row.values[name];
  });
  return record;
}

/** Inserts every row on `client`, inside the caller's transaction. Returns the number of rows inserted. */
export async function insertRows(client: pg.PoolClient, layer: LayerDefinition, rows: readonly ImportRow[]): Promise<number> {
  let inserted = 0;
  for (const group of groupRowsByProperties(layer, rows)) {
    const statement = buildInsertStatement(layer, group.propertyNames);
    for (let start = 0; start < group.rows.length; start += BATCH_SIZE) {
      const records = group.rows.slice(start, start + BATCH_SIZE).map((row) => toRecord(row, group.propertyNames));
      const result = await client.query(statement, [JSON.stringify(records), layer.geometry.srid]);
      inserted += result.rowCount ?? 0;
    }
  }
  return inserted;
}
