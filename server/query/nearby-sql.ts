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
 * Both the radius test and the ordering run on the EPSG:26191 expression index (KNN), never a scan. The
 * point is written inline (not joined) so that the planner sees a constant and uses the index for both.
 */
export function buildNearbyQuery(layer: LayerDefinition, view: LayerView, query: NearbyQuery): BuiltQuery {
  const params = new SqlParams();
  const geometry = `t.${ident(layer.geometry.column)}`;
  const point = `ST_SetSRID(ST_MakePoint(${params.add(query.lon, 'double precision')}, ${params.add(query.lat, 'double precision')}), 4326)`;
  const metric = `ST_Transform(${geometry}, 26191)`;
  const metricPoint = `ST_Transform(${point}, 26191)`;
  const area = view.areaIds ? `AND ${areaFilterCondition(view.areas, geometry, params.add(view.areaIds))}` : '';
  const text = `SELECT ${resultColumns(layer, view)},
       ST_Distance(${geometry}::geography, ${point}::geography) AS distance
  FROM ${ident(layer.table.schema, layer.table.name)} AS t
 WHERE ST_DWithin(${metric}, ${metricPoint}, ${params.add(query.radius, 'double precision')}) ${area}
 ORDER BY ${metric} <-> ${metricPoint}
 LIMIT ${params.add(query.limit, 'integer')}`;
  return { text, values: params.values };
}
