import type { LayerView } from '../auth/policy.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { resultColumns } from './feature-output.ts';

/** The road to measure along: one segment by id, or the segments of a street (found by search, along.ts). */
export type RoadSelector = { roadId: number } | { segmentIds: readonly number[] };

/** The condition selecting the road's segments, as a function of the alias of the street network's table. */
function roadCondition(streets: LayerDefinition, road: RoadSelector, params: SqlParams): (alias: string) => string {
  const id = (alias: string) => `${alias}.${ident(streets.idColumn)}`;
  if ('roadId' in road) {
    const value = params.add(road.roadId, 'bigint');
    return (alias) => `${id(alias)} = ${value}`;
  }
  const values = `${params.add(road.segmentIds)}::bigint[]`;
  return (alias) => `${id(alias)} = ANY (${values})`;
}

/** Whether any segment matches the selector (a 404 otherwise). */
export function buildRoadExistsQuery(streets: LayerDefinition, road: RoadSelector): BuiltQuery {
  const params = new SqlParams();
  const text = `SELECT EXISTS (SELECT 1 FROM ${ident(streets.table.schema, streets.table.name)} AS r WHERE ${roadCondition(streets, road, params)('r')}) AS found`;
  return { text, values: params.values };
}

/**
 * Features of `layer` within `distance` metres of the road's segments, nearest part of the road first
 * along its length. Each segment is placed once on the street (where its ends fall on the merged line,
 * when the segments merge into one) and the segments are visited in that order; each is searched on its
 * own through the layer's EPSG:26191 expression index (migrations/0008_metric_indexes.sql, written exactly
 * as that index), and a candidate is kept on the segment it is nearest to (ties: the lower segment id),
 * which one index probe of the street network's own metric index tells. A feature's place along the street
 * is its segment's start plus its fraction of the segment, so the page is complete as soon as enough
 * segments have been visited: a street of a thousand segments costs what its first few cost.
 */
export function buildAlongQuery(streets: LayerDefinition, layer: LayerDefinition, view: LayerView, road: RoadSelector, query: { distance: number; limit: number }): BuiltQuery {
  const params = new SqlParams();
  const selects = roadCondition(streets, road, params);
  const roads = ident(streets.table.schema, streets.table.name);
  const roadId = ident(streets.idColumn);
  const roadMetric = (alias: string) => `ST_Transform(${alias}.${ident(streets.geometry.column)}, 26191)`;
  const table = ident(layer.table.schema, layer.table.name);
  const geometry = `t.${ident(layer.geometry.column)}`;
  const metric = `ST_Transform(${geometry}, 26191)`;
  const confined = view.areaIds ? `AND ${areaFilterCondition(view.areas, geometry, params.add(view.areaIds))}` : '';
  const distance = params.add(query.distance, 'double precision');
  const text = `WITH segment AS MATERIALIZED (
  SELECT r.${roadId} AS id, ${roadMetric('r')} AS metric FROM ${roads} AS r WHERE ${selects('r')}
), street AS MATERIALIZED (
  SELECT line, ST_Length(line) AS length FROM (SELECT ST_LineMerge(ST_Collect(metric ORDER BY id)) AS line FROM segment) AS merged
), placed_segment AS MATERIALIZED (
  SELECT s.id, s.metric, ST_Length(s.metric) AS length,
         CASE WHEN GeometryType(street.line) = 'LINESTRING' THEN ST_LineLocatePoint(street.line, ST_StartPoint(s.metric)) * street.length END AS start_m,
         CASE WHEN GeometryType(street.line) = 'LINESTRING' THEN ST_LineLocatePoint(street.line, ST_EndPoint(s.metric)) * street.length END AS end_m
    FROM segment AS s CROSS JOIN street
), ordered_segment AS (
  SELECT *, least(start_m, end_m) AS position, end_m < start_m AS is_reversed FROM placed_segment ORDER BY least(start_m, end_m) NULLS LAST, id
)
SELECT ${resultColumns(layer, view, 't')}, p.id AS segment_id, c.offset_m, c.fraction, p.length AS segment_length,
       p.start_m + (p.end_m - p.start_m) * c.fraction AS street_m
  FROM ordered_segment AS p
 CROSS JOIN LATERAL (
   SELECT t.*, f.metric AS feature_metric, ST_Distance(f.metric, p.metric) AS offset_m,
          ST_LineLocatePoint(p.metric, ST_ClosestPoint(p.metric, f.metric)) AS fraction
     FROM ${table} AS t
    CROSS JOIN LATERAL (SELECT ${metric} AS metric) AS f
    WHERE ST_DWithin(${metric}, p.metric, ${distance}) ${confined}
 ) AS c
 CROSS JOIN LATERAL (SELECT c.*) AS t
 WHERE NOT EXISTS (
   SELECT 1 FROM ${roads} AS o
    WHERE ST_DWithin(${roadMetric('o')}, c.feature_metric, c.offset_m) AND ${selects('o')} AND o.${roadId} <> p.id
      AND (ST_Distance(${roadMetric('o')}, c.feature_metric) < c.offset_m
           OR (ST_Distance(${roadMetric('o')}, c.feature_metric) = c.offset_m AND o.${roadId} < p.id))
 )
 ORDER BY p.position NULLS LAST, p.id, CASE WHEN p.is_reversed THEN 1 - c.fraction ELSE c.fraction END, c.${ident(layer.idColumn)}
 LIMIT ${params.add(query.limit, 'integer')}`;
  return { text, values: params.values };
}
