import type { LayerView } from '../auth/policy.ts';
import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import { hasLabelPoints, labelPointsLayerName } from '../layers/label-points.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { GENERALISED_TABLE, usesGeneralisedSource } from './generalisation.ts';
import { type TileCoordinates, tileUnitMetres } from './tile-coordinates.ts';

export interface TileQueryOptions {
  /**
   * `auto` (the default) reads the generalised store at the zooms it covers (generalisation.ts) and
   * the layer's table elsewhere; `table` always reads the layer's table, simplified per request (the
   * un-generalised query that benchmarks compare with).
   */
  source?: 'auto' | 'table';
}

/** How a property's column becomes an MVT attribute (MVT values are strings, numbers or booleans). */
function tileValueExpression(property: PropertyDefinition): string {
  const column = `t.${ident(property.column)}`;
  switch (property.type) {
    case 'string_list':
      return `array_to_string(${column}, ',')`;
    case 'number':
      return `${column}::double precision`;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'datetime':
      return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    default:
      return column;
  }
}

/** The tile properties this view may see, under their API names. */
function attributeExpressions(view: LayerView): string[] {
  return view.properties
    .filter(([, property]) => property.inTiles)
    .map(([name, property]) => `${tileValueExpression(property)} AS ${ident(name)}`);
}

/** What the features CTE reads: the generalised store joined to the layer's table, or the table alone. */
interface FeatureSource {
  geometry: string;
  from: string[];
  where: string[];
}

/**
 * Table zooms above this draw lines and polygons unsimplified: ST_AsMVTGeom already snaps them to the
 * tile grid and drops repeated points, and a Douglas-Peucker pass of one tile unit then removes almost
 * nothing (z14 and z16 road tiles of the benchmark list: 0.2% fewer bytes) while costing about a quarter
 * of PostgreSQL's time per z16 tile (EXPLAIN ANALYZE and interleaved timings on the scaled dataset).
 */
const MAX_SIMPLIFIED_ZOOM = 13;

function tableSource(layer: LayerDefinition, tile: TileCoordinates, params: SqlParams): FeatureSource {
  const projected = `t.${ident(layer.tiles.projectedColumn)}`;
  const isPointLayer = layer.geometry.types.every((type) => type === 'Point' || type === 'MultiPoint');
  return {
    geometry: isPointLayer || tile.z > MAX_SIMPLIFIED_ZOOM
      ? projected
      : `ST_Simplify(${projected}, ${params.add(tileUnitMetres(tile.z, layer.tiles.extent), 'double precision')}, true)`,
    from: [`  FROM ${ident(layer.table.schema, layer.table.name)} AS t, bounds`],
    // The projected column has its own GiST index, which the tile's envelope (EPSG:3857) uses directly.
    where: [`  WHERE ${projected} && bounds.search`],
  };
}

function generalisedSource(layer: LayerDefinition, z: string, params: SqlParams): FeatureSource {
  const store = GENERALISED_TABLE;
  return {
    geometry: `g.${store.geometryColumn}`,
    from: [
      `  FROM ${store.table} AS g`,
      `  JOIN ${ident(layer.table.schema, layer.table.name)} AS t ON t.${ident(layer.idColumn)} = g.${store.featureIdColumn}, bounds`,
    ],
    where: [
      `  WHERE g.${store.layerColumn} = ${params.add(layer.id, 'text')} AND g.${store.zoomColumn} = ${z}`,
      `    AND g.${store.geometryColumn} && bounds.search`,
    ],
  };
}

/**
 * The label points of the areas whose point lies in the tile itself (not in its buffer, so each point is in
 * exactly one tile of a zoom): the centre of the largest circle inside the area (its pole of inaccessibility),
 * where a name reads as belonging to the area, unlike a centroid that can fall outside a bent area.
 */
function labelPointsQuery(layer: LayerDefinition, view: LayerView, areaCondition: string[]): string {
  const projected = `t.${ident(layer.tiles.projectedColumn)}`;
  const { extent } = layer.tiles;
  const selected = [
    `t.${ident(layer.idColumn)} AS mvt_id`,
    `ST_AsMVTGeom(p.label_point, bounds.tile, ${Number(extent)}, 0, true) AS mvt_geom`,
    ...attributeExpressions(view),
  ];
  return [
    `labels AS (`,
    `  SELECT ${selected.join(',\n         ')}`,
    `  FROM ${ident(layer.table.schema, layer.table.name)} AS t, bounds,`,
    `       LATERAL (SELECT (ST_MaximumInscribedCircle(${projected})).center AS label_point) AS p`,
    `  WHERE ${projected} && bounds.tile AND ST_Intersects(p.label_point, bounds.tile)`,
    ...areaCondition,
    ')',
  ].join('\n');
}

/**
 * The ST_AsMVT query for one tile of a layer, as one principal sees it (auth/policy.ts layerView): only the
 * tile properties it may see, only features inside its assigned areas when it is confined to them.
 * z/x/y, tolerances and area ids are bound parameters; table and column names come from the registry.
 *
 * Low zooms of the big layers read the generalised store (already simplified, snapped to the zoom's grid,
 * minor features dropped or thinned), joined to the layer's table for the properties, so the policy applies
 * unchanged. Elsewhere, up to z13, lines and polygons are simplified to one tile unit before clipping, which
 * is invisible at that zoom. ST_AsMVT skips rows whose clipped geometry is NULL, so the clip runs once per feature.
 */
export function buildTileQuery(layer: LayerDefinition, view: LayerView, tile: TileCoordinates, options: TileQueryOptions = {}): BuiltQuery {
  const params = new SqlParams();
  const z = params.add(tile.z, 'integer');
  const x = params.add(tile.x, 'integer');
  const y = params.add(tile.y, 'integer');
  const margin = params.add(layer.tiles.buffer / layer.tiles.extent, 'double precision');
  const { extent, buffer } = layer.tiles;
  const isGeneralised = options.source !== 'table' && usesGeneralisedSource(layer, tile.z);
  const source = isGeneralised ? generalisedSource(layer, z, params) : tableSource(layer, tile, params);
  const areaCondition = view.areaIds
    ? [`    AND ${areaFilterCondition(view.areas, `t.${ident(layer.geometry.column)}`, params.add(view.areaIds))}`]
    : [];
  const selected = [
    `t.${ident(layer.idColumn)} AS mvt_id`,
    `ST_AsMVTGeom(${source.geometry}, bounds.tile, ${Number(extent)}, ${Number(buffer)}, true) AS mvt_geom`,
    ...attributeExpressions(view),
  ];
  const featuresMvt = `ST_AsMVT(features.*, ${params.add(layer.id, 'text')}, ${Number(extent)}, 'mvt_geom', 'mvt_id')`;
  const labels = hasLabelPoints(layer) ? labelPointsQuery(layer, view, areaCondition) : null;
  const text = [
    'WITH bounds AS (',
    `  SELECT ST_TileEnvelope(${z}, ${x}, ${y}) AS tile,`,
    `         ST_TileEnvelope(${z}, ${x}, ${y}, margin => ${margin}) AS search`,
    '), features AS (',
    `  SELECT ${selected.join(',\n         ')}`,
    ...source.from,
    ...source.where,
    ...areaCondition,
    ')',
    ...(labels ? [`, ${labels}`] : []),
    // One aggregate over the features only: the CTE is inlined, so a second one (a feature count) would clip
    // every geometry twice. Label points are a layer of their own; MVT layers concatenate.
    labels
      ? `SELECT (SELECT ${featuresMvt} FROM features) || (SELECT ST_AsMVT(labels.*, ${params.add(labelPointsLayerName(layer), 'text')}, ${Number(extent)}, 'mvt_geom', 'mvt_id') FROM labels) AS mvt`
      : `SELECT ${featuresMvt} AS mvt FROM features`,
  ].join('\n');
  return { text, values: params.values };
}
