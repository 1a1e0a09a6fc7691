import type { LayerView } from '../auth/policy.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { resultColumns } from './feature-output.ts';

/** The road to measure along: one segment by id, or every segment of a street by its French or Arabic name. */
export type RoadSelector = { roadId: number } | { street: string };

/** The condition selecting the road's segments `r` of the street network. */
function roadCondition(streets: LayerDefinition, road: RoadSelector, params: SqlParams): string {
  if ('roadId' in road) return `r.${ident(streets.idColumn)} = ${params.add(road.roadId, 'bigint')}`;
  const names = streets.nameProperties;
  if (!names) throw new Error(`layer ${streets.id} has no names to select a street by`);
  const street = params.add(road.street, 'text');
  return `(lower(r.${ident(streets.properties[names.fr]!.column)}) = lower(${street}) OR r.${ident(streets.properties[names.ar]!.column)} = ${street})`;
}

/** Whether any segment matches the selector (a 404 otherwise). */
export function buildRoadExistsQuery(streets: LayerDefinition, road: RoadSelector): BuiltQuery {
  const params = new SqlParams();
  const text = `SELECT EXISTS (SELECT 1 FROM ${ident(streets.table.schema, streets.table.name)} AS r WHERE ${roadCondition(streets, road, params)}) AS found`;
  return { text, values: params.values };
}

/**
 * Features of `layer` within `distance` metres of the road's segments, nearest part of the road first
 * along its length. Each segment is placed once on the street (where its ends fall on the merged line,
 * when the segments merge into one) and searched on its own through the layer's EPSG:26191 expression
 * index (migrations/0008_metric_indexes.sql, written exactly as that index); a feature near several
 * segments keeps the nearest. A feature's position along the street is then its segment's start plus its
 * fraction of the segment: no candidate is ever located on the whole merged line.
 */
export function buildAlongQuery(streets: LayerDefinition, layer: LayerDefinition, view: LayerView, road: RoadSelector, query: { distance: number; limit: number }): BuiltQuery {
  const params = new SqlParams();
  const selector = roadCondition(streets, road, params);
  const table = ident(layer.table.schema, layer.table.name);
  const id = ident(layer.idColumn);
  const geometry = `t.${ident(layer.geometry.column)}`;
  const metric = `ST_Transform(${geometry}, 26191)`;
  const confined = view.areaIds ? `AND ${areaFilterCondition(view.areas, geometry, params.add(view.areaIds))}` : '';
  const distance = params.add(query.distance, 'double precision');
  const text = `WITH segment AS MATERIALIZED (
  SELECT r.${ident(streets.idColumn)} AS id, ST_Transform(r.${ident(streets.geometry.column)}, 26191) AS metric
    FROM ${ident(streets.table.schema, streets.table.name)} AS r
   WHERE ${selector}
), street AS MATERIALIZED (
  SELECT line, ST_Length(line) AS length FROM (SELECT ST_LineMerge(ST_Collect(metric ORDER BY id)) AS line FROM segment) AS merged
), placed_segment AS MATERIALIZED (
  SELECT s.id, s.metric, ST_Length(s.metric) AS length,
         CASE WHEN GeometryType(street.line) = 'LINESTRING' THEN ST_LineLocatePoint(street.line, ST_StartPoint(s.metric)) * street.length END AS start_m,
         CASE WHEN GeometryType(street.line) = 'LINESTRING' THEN ST_LineLocatePoint(street.line, ST_EndPoint(s.metric)) * street.length END AS end_m
    FROM segment AS s CROSS JOIN street
), candidate AS (
  SELECT t.${id} AS id, p.id AS segment_id, p.length, p.start_m, p.end_m,
         ST_Distance(f.metric, p.metric) AS offset_m,
         ST_LineLocatePoint(p.metric, ST_ClosestPoint(p.metric, f.metric)) AS fraction
    FROM placed_segment AS p
    JOIN ${table} AS t ON ST_DWithin(${metric}, p.metric, ${distance}) ${confined}
   CROSS JOIN LATERAL (SELECT ${metric} AS metric) AS f
), nearest AS (
  SELECT DISTINCT ON (c.id) c.*, c.start_m + (c.end_m - c.start_m) * c.fraction AS street_m
    FROM candidate AS c
   ORDER BY c.id, c.offset_m, c.segment_id
), page AS (
  SELECT * FROM nearest ORDER BY street_m NULLS LAST, segment_id, fraction, id LIMIT ${params.add(query.limit, 'integer')}
)
SELECT ${resultColumns(layer, view, 't')}, p.segment_id, p.offset_m, p.fraction, p.length AS segment_length, p.street_m
  FROM page AS p
  JOIN ${table} AS t ON t.${id} = p.id
 ORDER BY p.street_m NULLS LAST, p.segment_id, p.fraction, p.id`;
  return { text, values: params.values };
}
