import type { LayerView } from '../auth/policy.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { PROPERTY_SQL_TYPES } from '../layers/property-sql-types.ts';

/**
 * SQL for reading and writing one layer's features, built from the registry only: names are escaped
 * registry identifiers, every value a bound parameter. Pure functions; unit-tested by their text.
 */
/** Column aliases of the fixed members; property aliases are API names, which never start with "_". */
export const ID_ALIAS = '__id';
export const VERSION_ALIAS = '__version';
export const GEOMETRY_ALIAS = '__geometry';
export const UPDATED_ALIAS = '__updated_at';

export function table(layer: LayerDefinition): string {
  return ident(layer.table.schema, layer.table.name);
}

/** The SELECT list of a feature: id, version, updated time, geometry as GeoJSON and each property. */
export function featureColumns(layer: LayerDefinition, properties: readonly [string, PropertyDefinition][], alias = 't'): string {
  return [
    `${alias}.${ident(layer.idColumn)} AS ${ident(ID_ALIAS)}`,
    `${alias}.${ident(layer.versionColumn)} AS ${ident(VERSION_ALIAS)}`,
    `${alias}.${ident(layer.updatedAtColumn)} AS ${ident(UPDATED_ALIAS)}`,
    `ST_AsGeoJSON(${alias}.${ident(layer.geometry.column)}, 9)::json AS ${ident(GEOMETRY_ALIAS)}`,
    ...properties.map(([name, property]) => `${alias}.${ident(property.column)} AS ${ident(name)}`),
  ].join(', ');
}

/** Every property, personal ones included: what history snapshots store. */
export function allProperties(layer: LayerDefinition): [string, PropertyDefinition][] {
  return Object.entries(layer.properties);
}

export function castParameter(params: SqlParams, property: PropertyDefinition, value: unknown): string {
  return `${params.add(value)}::${PROPERTY_SQL_TYPES[property.type]}`;
}

/** GeoJSON geometry text -> geometry in the layer's SRID (NULL stays NULL: derived places). */
function geometryParameter(params: SqlParams, layer: LayerDefinition, geometry: unknown): string {
  return `ST_SetSRID(ST_GeomFromGeoJSON(${params.add(geometry === null ? null : JSON.stringify(geometry))}::text), ${Number(layer.geometry.srid)})`;
}

/**
 * The boxes a bbox [west, south, east, north] covers: itself, or two when west > east, which OGC API -
 * Features Part 1 (§7.15.3) defines as a box crossing the antimeridian.
 */
export function splitAtAntimeridian([west, south, east, north]: readonly [number, number, number, number]): [number, number, number, number][] {
  return west <= east ? [[west, south, east, north]] : [[west, south, 180, north], [-180, south, east, north]];
}

/** `geometry` intersects the bbox (through the geometry's index when it has one); values bound. */
export function bboxCondition(params: SqlParams, geometry: string, bbox: readonly [number, number, number, number], srid: number): string {
  const parts = splitAtAntimeridian(bbox).map((box) => {
    const [west, south, east, north] = box.map((value) => params.add(value, 'double precision'));
    const envelope = `ST_MakeEnvelope(${west}, ${south}, ${east}, ${north}, ${Number(srid)})`;
    return `(${geometry} && ${envelope} AND ST_Intersects(${geometry}, ${envelope}))`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

export interface ItemsFilter {
  bbox?: [number, number, number, number];
  updatedFrom?: string;
  updatedTo?: string;
  equals: { property: PropertyDefinition; value: unknown }[];
  /** An enum property equal to any of several values (`status=submitted,under_review`). */
  anyOf?: { property: PropertyDefinition; values: string[] }[];
  /** A date property within an inclusive interval, either end open (`submitted_on=2026-01-01/..`). */
  ranges?: { property: PropertyDefinition; from?: string; to?: string }[];
  afterId?: number;
  limit: number;
}

/** The WHERE conditions of an items query, without paging; values go into `params`. */
function itemsConditions(layer: LayerDefinition, view: LayerView, filter: ItemsFilter, params: SqlParams): string[] {
  const geometry = `t.${ident(layer.geometry.column)}`;
  const conditions: string[] = [];
  if (filter.bbox) conditions.push(bboxCondition(params, geometry, filter.bbox, layer.geometry.srid));
  const updated = `t.${ident(layer.updatedAtColumn)}`;
  if (filter.updatedFrom) conditions.push(`${updated} >= ${params.add(filter.updatedFrom, 'timestamptz')}`);
  if (filter.updatedTo) conditions.push(`${updated} <= ${params.add(filter.updatedTo, 'timestamptz')}`);
  for (const { property, value } of filter.equals) {
    const column = `t.${ident(property.column)}`;
    conditions.push(property.type === 'string_list' ? `${params.add(value, 'text')} = ANY(${column})` : `${column} = ${castParameter(params, property, value)}`);
  }
  for (const { property, values } of filter.anyOf ?? []) conditions.push(`t.${ident(property.column)} = ANY(${params.add(values)}::text[])`);
  for (const { property, from, to } of filter.ranges ?? []) {
    if (from !== undefined) conditions.push(`t.${ident(property.column)} >= ${castParameter(params, property, from)}`);
    if (to !== undefined) conditions.push(`t.${ident(property.column)} <= ${castParameter(params, property, to)}`);
  }
  if (view.areaIds) conditions.push(areaFilterCondition(view.areas, geometry, params.add(view.areaIds)));
  return conditions;
}

/** One page of items in id order (keyset paging: stable while rows are inserted). */
export function buildItemsQuery(layer: LayerDefinition, view: LayerView, filter: ItemsFilter): BuiltQuery {
  const params = new SqlParams();
  const conditions = itemsConditions(layer, view, filter, params);
  if (filter.afterId !== undefined) conditions.push(`t.${ident(layer.idColumn)} > ${params.add(filter.afterId, 'bigint')}`);
  const text = [
    `SELECT ${featureColumns(layer, view.properties)}`,
    `FROM ${table(layer)} AS t`,
    conditions.length ? `WHERE ${conditions.join('\n  AND ')}` : '',
    `ORDER BY t.${ident(layer.idColumn)}`,
    `LIMIT ${params.add(filter.limit + 1, 'integer')}`,
  ].filter(Boolean).join('\n');
  return { text, values: params.values };
}

/** How many features the items query matches over all its pages (OGC `numberMatched`). */
export function buildItemsCountQuery(layer: LayerDefinition, view: LayerView, filter: ItemsFilter): BuiltQuery {
  const params = new SqlParams();
  const conditions = itemsConditions(layer, view, filter, params);
  const text = `SELECT count(*)::integer AS count FROM ${table(layer)} AS t${conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : ''}`;
  return { text, values: params.values };
}

/** One feature by id as `view` sees it (no row when it is outside the view's areas). */
export function buildItemQuery(layer: LayerDefinition, view: LayerView, id: number, forUpdate = false): BuiltQuery {
  const params = new SqlParams();
  const geometry = `t.${ident(layer.geometry.column)}`;
  const area = view.areaIds ? ` AND ${areaFilterCondition(view.areas, geometry, params.add(view.areaIds))}` : '';
  const text = `SELECT ${featureColumns(layer, allProperties(layer))}
FROM ${table(layer)} AS t
WHERE t.${ident(layer.idColumn)} = ${params.add(id, 'bigint')}${area}${forUpdate ? '\nFOR UPDATE' : ''}`;
  return { text, values: params.values };
}

/**
 * The value of `latestOf.property` of the newest feature of `source` whose `latestOf.via` is `parentId`
 * (newest by `latestOf.orderBy`, then id): what a `latestOf` property of the parent must hold.
 */
export function buildLatestValueQuery(
  source: LayerDefinition,
  latestOf: { via: string; property: string; orderBy: string },
  parentId: number,
): BuiltQuery {
  const params = new SqlParams();
  const column = (name: string) => `t.${ident(source.properties[name]!.column)}`;
  return {
    text: `SELECT ${column(latestOf.property)} AS value FROM ${table(source)} AS t
WHERE ${column(latestOf.via)} = ${params.add(parentId, 'bigint')}
ORDER BY ${column(latestOf.orderBy)} DESC, t.${ident(source.idColumn)} DESC
LIMIT 1`,
    values: params.values,
  };
}

/** Locks existing rows by id, in id order (missing ids are simply not locked). */
export function buildLockQuery(layer: LayerDefinition, ids: readonly number[]): BuiltQuery {
  const params = new SqlParams();
  const id = `t.${ident(layer.idColumn)}`;
  return { text: `SELECT ${id} FROM ${table(layer)} AS t WHERE ${id} = ANY(${params.add(ids)}::bigint[]) ORDER BY ${id} FOR UPDATE`, values: params.values };
}

/** Values by API name to write; a property absent from `values` gets its column default. */
export interface FeatureWrite {
  values: Readonly<Record<string, unknown>>;
  geometry: unknown;
}

/**
 * INSERT returning the full feature. `explicitId`/`explicitVersion` are for restoring a deleted feature
 * under its old id, with the next version number.
 */
export function buildInsert(layer: LayerDefinition, write: FeatureWrite, explicit?: { id: number; version: number }): BuiltQuery {
  const params = new SqlParams();
  const columns: string[] = [];
  const values: string[] = [];
  if (explicit) {
    columns.push(ident(layer.idColumn), ident(layer.versionColumn));
    values.push(params.add(explicit.id, 'bigint'), params.add(explicit.version, 'integer'));
  }
  for (const [name, value] of Object.entries(write.values)) {
    const property = layer.properties[name]!;
    columns.push(ident(property.column));
    values.push(castParameter(params, property, value));
  }
  columns.push(ident(layer.geometry.column));
  values.push(geometryParameter(params, layer, write.geometry));
  const text = `INSERT INTO ${table(layer)} AS t (${columns.join(', ')})
VALUES (${values.join(', ')})
RETURNING ${featureColumns(layer, allProperties(layer))}`;
  return { text, values: params.values };
}

/**
 * UPDATE of the editable properties and the geometry. `isFullReplace`: properties absent from `values`
 * go back to their column default (PUT); otherwise only the given ones change (PATCH).
 */
export function buildUpdate(layer: LayerDefinition, id: number, write: FeatureWrite, isFullReplace: boolean, setGeometry: boolean): BuiltQuery {
  const params = new SqlParams();
  const assignments: string[] = [];
  for (const [name, property] of Object.entries(layer.properties)) {
    if (property.editable === false) continue;
    if (Object.hasOwn(write.values, name)) {
      const value = write.values[name];
      assignments.push(`${ident(property.column)} = ${value === null ? 'DEFAULT' : castParameter(params, property, value)}`);
    } else if (isFullReplace) {
      assignments.push(`${ident(property.column)} = DEFAULT`);
    }
  }
  if (setGeometry) assignments.push(`${ident(layer.geometry.column)} = ${geometryParameter(params, layer, write.geometry)}`);
  // Touch the version column so that the statement is valid with no other assignment; the trigger bumps the
  // version, and WriteTransaction.runUpdate undoes an update that changed nothing.
  assignments.push(`${ident(layer.versionColumn)} = t.${ident(layer.versionColumn)}`);
  const text = `UPDATE ${table(layer)} AS t SET ${assignments.join(', ')}
WHERE t.${ident(layer.idColumn)} = ${params.add(id, 'bigint')}
RETURNING ${featureColumns(layer, allProperties(layer))}`;
  return { text, values: params.values };
}

export function buildDelete(layer: LayerDefinition, id: number): BuiltQuery {
  const params = new SqlParams();
  return {
    text: `DELETE FROM ${table(layer)} AS t WHERE t.${ident(layer.idColumn)} = ${params.add(id, 'bigint')}`,
    values: params.values,
  };
}
