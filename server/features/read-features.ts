import type pg from 'pg';
import type { LayerView } from '../auth/policy.ts';
import { ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { type StoredFeature, toStoredFeature } from './feature-row.ts';
import { allProperties, bboxCondition, buildItemQuery, buildItemsCountQuery, buildItemsQuery, type ItemsFilter, table } from './feature-sql.ts';

export interface FeaturePage {
  features: StoredFeature[];
  /** Id after which the next page starts, or undefined on the last page. */
  nextAfterId: number | undefined;
  /** How many features match over all pages: counted for the first page only (a list's total). */
  numberMatched?: number;
}

function page(features: StoredFeature[], limit: number): FeaturePage {
  const hasMore = features.length > limit;
  const kept = hasMore ? features.slice(0, limit) : features;
  return { features: kept, nextAfterId: hasMore ? kept.at(-1)!.id : undefined };
}

/**
 * A page of the layer's features. The first page also says how many match over all pages (OGC API
 * numberMatched, optional per response): clients read it there to show progress and size what they copy,
 * and counting again on each of a harvest's thousand pages would cost as much as the pages themselves.
 */
export async function listFeatures(pool: pg.Pool, layer: LayerDefinition, view: LayerView, filter: ItemsFilter): Promise<FeaturePage> {
  const query = buildItemsQuery(layer, view, filter);
  const rows = (await pool.query(query.text, query.values)).rows;
  const result = page(rows.map((row) => toStoredFeature(row, view.properties)), filter.limit);
  if (filter.afterId !== undefined) return result;
  // A single page holds them all; otherwise count once, so that a list can say how many it did not show.
  if (result.nextAfterId === undefined) return { ...result, numberMatched: result.features.length };
  const count = buildItemsCountQuery(layer, view, filter);
  return { ...result, numberMatched: Number((await pool.query(count.text, count.values)).rows[0].count) };
}

export async function readFeature(pool: pg.Pool, layer: LayerDefinition, view: LayerView, id: number): Promise<StoredFeature | undefined> {
  const query = buildItemQuery(layer, view, id);
  const row = (await pool.query(query.text, query.values)).rows[0];
  return row ? toStoredFeature(row, allProperties(layer)) : undefined;
}

/** The current row as the JSON snapshot that history stores, so both sides of an "as of" read match. */
function snapshotJson(layer: LayerDefinition): string {
  const properties = allProperties(layer)
    .map(([name, property]) => `${pgLiteral(name)}, t.${ident(property.column)}`)
    .join(', ');
  return `jsonb_build_object('id', t.${ident(layer.idColumn)}, 'version', t.${ident(layer.versionColumn)},
    'updatedAt', t.${ident(layer.updatedAtColumn)}, 'geometry', ST_AsGeoJSON(t.${ident(layer.geometry.column)}, 9)::jsonb,
    'properties', jsonb_build_object(${properties}))`;
}

/** Registry API names are [a-z0-9_]: quoting them as literals is safe and checked. */
function pgLiteral(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected property name ${name}`);
  return `'${name}'`;
}

/**
 * The layer as it was at `asOf`: a feature changed since then is read from the `before` of its first later
 * change (absent if it did not exist yet); an untouched feature is its current row, if created by then.
 */
export async function listFeaturesAsOf(
  pool: pg.Pool,
  layer: LayerDefinition,
  view: LayerView,
  asOf: string,
  filter: ItemsFilter,
): Promise<FeaturePage> {
  const params = new SqlParams();
  const layerId = params.add(layer.id, 'text');
  const instant = params.add(asOf, 'timestamptz');
  const conditions: string[] = [];
  const geometry = `ST_SetSRID(ST_GeomFromGeoJSON(state.feature->>'geometry'), ${Number(layer.geometry.srid)})`;
  if (filter.bbox) conditions.push(bboxCondition(params, geometry, filter.bbox, layer.geometry.srid));
  const propertyValue = (property: ItemsFilter['equals'][number]['property']) =>
    `state.feature->'properties'->>${pgLiteral(Object.entries(layer.properties).find(([, candidate]) => candidate === property)![0])}`;
  for (const { property, value } of filter.equals) conditions.push(`${propertyValue(property)} = ${params.add(String(value), 'text')}`);
  for (const { property, values } of filter.anyOf ?? []) conditions.push(`${propertyValue(property)} = ANY(${params.add(values)}::text[])`);
  for (const { property, from, to } of filter.ranges ?? []) {
    if (from !== undefined) conditions.push(`(${propertyValue(property)})::date >= ${params.add(from, 'date')}`);
    if (to !== undefined) conditions.push(`(${propertyValue(property)})::date <= ${params.add(to, 'date')}`);
  }
  if (view.areaIds) conditions.push(areaFilterCondition(view.areas, geometry, params.add(view.areaIds)));
  if (filter.afterId !== undefined) conditions.push(`state.id > ${params.add(filter.afterId, 'bigint')}`);
  const text = `WITH later AS (
  SELECT DISTINCT ON (feature_id) feature_id, before FROM feature_history
   WHERE layer = ${layerId} AND committed_at > ${instant}
   ORDER BY feature_id, seq
), state AS (
  SELECT t.${ident(layer.idColumn)} AS id, ${snapshotJson(layer)} AS feature
    FROM ${table(layer)} AS t
   WHERE t.${ident(layer.createdAtColumn)} <= ${instant}
     AND NOT EXISTS (SELECT 1 FROM later WHERE later.feature_id = t.${ident(layer.idColumn)})
  UNION ALL
  SELECT feature_id, before FROM later WHERE before IS NOT NULL
)
SELECT state.id, state.feature FROM state
${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
ORDER BY state.id LIMIT ${params.add(filter.limit + 1, 'integer')}`;
  const rows = (await pool.query(text, params.values)).rows as { feature: StoredFeature }[];
  return page(rows.map((row) => row.feature), filter.limit);
}
