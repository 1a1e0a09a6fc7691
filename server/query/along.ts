import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ident, SqlParams } from '../db/sql.ts';
import { NotFoundError } from '../http/errors.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import { roadSegments } from '../layers/definitions/road-segments.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { resultColumns, toResultFeature } from './feature-output.ts';

/** The road to measure along: one segment by id, or every segment of a street by its French or Arabic name. */
export type RoadSelector = { roadId: number } | { street: string };

/**
 * Features of `layer` within `distance` metres of a road segment or a whole street, nearest part of the
 * road first along its length. For each: the segment it is nearest to, its offset from the road in metres,
 * and its position along that segment (fraction and metres from the segment's start); for a street whose
 * segments merge into one line, also the metres from the street's start.
 */
export async function findAlong(
  pool: pg.Pool,
  layer: LayerDefinition,
  principal: Principal,
  road: RoadSelector,
  query: { distance: number; limit: number },
) {
  const view = layerView(principal, layer);
  const params = new SqlParams();
  const roads = ident(roadSegments.table.schema, roadSegments.table.name);
  const roadGeom = ident(roadSegments.geometry.column);
  const roadId = ident(roadSegments.idColumn);
  const selectRoad = (into: SqlParams) => 'roadId' in road
    ? `r.${roadId} = ${into.add(road.roadId, 'bigint')}`
    : `(lower(r.${ident(roadSegments.properties.name_fr!.column)}) = lower(${into.add(road.street, 'text')}) OR r.${ident(roadSegments.properties.name_ar!.column)} = ${into.add(road.street, 'text')})`;
  const existence = new SqlParams();
  const found = await pool.query(`SELECT EXISTS (SELECT 1 FROM ${roads} AS r WHERE ${selectRoad(existence)}) AS found`, existence.values);
  if (!found.rows[0].found) throw new NotFoundError('road-not-found', 'No road segment matches');
  const selector = selectRoad(params);
  const table = ident(layer.table.schema, layer.table.name);
  const id = ident(layer.idColumn);
  const geometry = `t.${ident(layer.geometry.column)}`;
  // Written exactly as the layer's EPSG:26191 expression index (migrations/0008_metric_indexes.sql).
  const metric = `ST_Transform(${geometry}, 26191)`;
  const confined = view.areaIds ? `AND ${areaFilterCondition(geometry, params.add(view.areaIds))}` : '';
  const distance = params.add(query.distance, 'double precision');
  // Candidates stay narrow rows (ids, distance, the feature's metric geometry) until the page is chosen:
  // with whole features, sorting the candidates of a long street spilled to disk.
  const text = `WITH road AS (
  SELECT r.${roadId} AS id, ST_Transform(r.${roadGeom}, 26191) AS metric FROM ${roads} AS r WHERE ${selector}
), street AS (
  SELECT ST_LineMerge(ST_Collect(metric)) AS line FROM road
), nearest AS (
  SELECT DISTINCT ON (t.${id}) t.${id} AS id, road.id AS segment_id, ${metric} AS feature_metric,
         ST_Distance(${metric}, road.metric) AS offset_m
    FROM ${table} AS t
    JOIN road ON ST_DWithin(${metric}, road.metric, ${distance})
   WHERE true ${confined}
   ORDER BY t.${id}, ST_Distance(${metric}, road.metric)
), placed AS (
  SELECT n.id, n.segment_id, n.offset_m, ST_Length(road.metric) AS segment_length,
         ST_LineLocatePoint(road.metric, ST_ClosestPoint(road.metric, n.feature_metric)) AS fraction,
         CASE WHEN GeometryType(street.line) = 'LINESTRING'
              THEN ST_LineLocatePoint(street.line, ST_ClosestPoint(street.line, n.feature_metric)) * ST_Length(street.line)
         END AS street_m
    FROM nearest AS n
    JOIN road ON road.id = n.segment_id
   CROSS JOIN street
   ORDER BY street_m NULLS LAST, n.segment_id, fraction, n.id
   LIMIT ${params.add(query.limit, 'integer')}
)
SELECT ${resultColumns(layer, view, 't')}, p.segment_id, p.offset_m, p.fraction, p.segment_length, p.street_m
  FROM placed AS p
  JOIN ${table} AS t ON t.${id} = p.id
 ORDER BY p.street_m NULLS LAST, p.segment_id, p.fraction, p.id`;
  const rows = (await pool.query(text, params.values)).rows;
  return rows.map((row) =>
    toResultFeature(layer, row, {
      along: {
        segmentId: Number(row.segment_id),
        offsetM: round(row.offset_m),
        fraction: Math.round(row.fraction * 1e4) / 1e4,
        fromSegmentStartM: round(row.fraction * row.segment_length),
        fromStreetStartM: row.street_m === null ? null : round(row.street_m),
      },
    }),
  );
}

function round(metres: number): number {
  return Math.round(metres * 10) / 10;
}
