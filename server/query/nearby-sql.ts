import type { LayerView } from '../auth/policy.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { resultColumns } from './feature-output.ts';

export interface NearbyQuery {
  lon: number;
  lat: number;
  radius: number;
  limit: number;
}

/**
 * Features of a layer within `radius` metres of a point, nearest first, with their geodesic distance.
 * The inner query walks the EPSG:26191 expression index in distance order (KNN) inside the radius's
 * square and stops after `limit` rows; the outer one keeps those inside the circle. The nearest rows of
 * the square that lie in the circle are the nearest rows of the circle, as the circle is inside the square.
 * Written with ST_DWithin instead, PostgreSQL cannot estimate the function's selectivity, guesses a
 * handful of rows, and sorts every row of the radius (1,234 in a dense district: 6-30 ms against 0.3 ms).
 * The square (`&&`) it estimates from the index's statistics. The point is written inline (not joined) so
 * that the planner sees a constant and uses the index for both.
 */
export function buildNearbyQuery(layer: LayerDefinition, view: LayerView, query: NearbyQuery): BuiltQuery {
  const params = new SqlParams();
  const geometry = `t.${ident(layer.geometry.column)}`;
  const point = `ST_SetSRID(ST_MakePoint(${params.add(query.lon, 'double precision')}, ${params.add(query.lat, 'double precision')}), 4326)`;
  const metric = `ST_Transform(${geometry}, 26191)`;
  const metricPoint = `ST_Transform(${point}, 26191)`;
  const radius = params.add(query.radius, 'double precision');
  const area = view.areaIds ? `AND ${areaFilterCondition(view.areas, geometry, params.add(view.areaIds))}` : '';
  const text = `SELECT ${resultColumns(layer, view)},
       ST_Distance(${geometry}::geography, ${point}::geography) AS distance
  FROM (
    SELECT t.*, ${metric} <-> ${metricPoint} AS nearby_planar_m
      FROM ${ident(layer.table.schema, layer.table.name)} AS t
     WHERE ${metric} && ST_Expand(${metricPoint}, ${radius}) ${area}
     ORDER BY ${metric} <-> ${metricPoint}
     LIMIT ${params.add(query.limit, 'integer')}
  ) AS t
 WHERE t.nearby_planar_m <= ${radius}
 ORDER BY t.nearby_planar_m`;
  return { text, values: params.values };
}
