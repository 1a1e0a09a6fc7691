import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { resultColumns, toResultFeature } from './feature-output.ts';

/**
 * Features of a layer within `radius` metres of a point, nearest first, with their geodesic distance.
 * Both the radius test and the ordering run on the EPSG:26191 expression index (KNN), never a scan.
 */
export async function findNearby(
  pool: pg.Pool,
  layer: LayerDefinition,
  principal: Principal,
  query: { lon: number; lat: number; radius: number; limit: number },
) {
  const view = layerView(principal, layer);
  const params = new SqlParams();
  const point = `ST_SetSRID(ST_MakePoint(${params.add(query.lon, 'double precision')}, ${params.add(query.lat, 'double precision')}), 4326)`;
  const metric = `ST_Transform(t.${ident(layer.geometry.column)}, 26191)`;
  const area = view.areaIds ? `AND ${areaFilterCondition(`t.${ident(layer.geometry.column)}`, params.add(view.areaIds))}` : '';
  // The point is written inline (not joined) so that the planner sees a constant and uses the index for
  // both the radius test and the KNN ordering.
  const metricPoint = `ST_Transform(${point}, 26191)`;
  const text = `SELECT ${resultColumns(layer, view)},
       ST_Distance(t.${ident(layer.geometry.column)}::geography, ${point}::geography) AS distance
  FROM ${ident(layer.table.schema, layer.table.name)} AS t
 WHERE ST_DWithin(${metric}, ${metricPoint}, ${params.add(query.radius, 'double precision')}) ${area}
 ORDER BY ${metric} <-> ${metricPoint}
 LIMIT ${params.add(query.limit, 'integer')}`;
  const rows = (await pool.query(text, params.values)).rows;
  return rows.map((row) => toResultFeature(layer, row, { distanceM: Math.round(row.distance * 10) / 10 }));
}
