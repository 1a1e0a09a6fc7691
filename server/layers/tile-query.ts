import type { LayerView } from '../auth/policy.ts';
import type { LayerDefinition, PropertyDefinition } from './layer-definition.ts';
import { areaFilterCondition } from './area-filter.ts';
import { ident, SqlParams } from '../db/sql.ts';
import { type TileCoordinates, tileUnitMetres } from '../tiles/tile-coordinates.ts';

export interface BuiltQuery {
  text: string;
  values: unknown[];
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

/**
 * The ST_AsMVT query for one tile of a layer, as one principal sees it (auth/policy.ts layerView): only the
 * tile properties it may see, only features inside its assigned areas when it is confined to them.
 * z/x/y, tolerances and area ids are bound parameters; table and column names come from the registry.
 *
 * The bbox test runs against the table's own SRID so the GiST index on the geometry is used; lines and
 * polygons are simplified to one tile unit before clipping, which is invisible at that zoom.
 */
export function buildTileQuery(layer: LayerDefinition, view: LayerView, tile: TileCoordinates): BuiltQuery {
  const params = new SqlParams();
  const z = params.add(tile.z, 'integer');
  const x = params.add(tile.x, 'integer');
  const y = params.add(tile.y, 'integer');
  const margin = params.add(layer.tiles.buffer / layer.tiles.extent, 'double precision');
  const { extent, buffer } = layer.tiles;
  const geometry = `t.${ident(layer.geometry.column)}`;
  const isPointLayer = layer.geometry.types.every((type) => type === 'Point' || type === 'MultiPoint');
  const projected = `ST_Transform(${geometry}, 3857)`;
  const simplified = isPointLayer
    ? projected
    : `ST_Simplify(${projected}, ${params.add(tileUnitMetres(tile.z, extent), 'double precision')}, true)`;
  const attributes = view.properties.filter(([, property]) => property.inTiles).map(
    ([name, property]) => `${tileValueExpression(property)} AS ${ident(name)}`,
  );
  const text = [
    'WITH bounds AS (',
    `  SELECT ST_TileEnvelope(${z}, ${x}, ${y}) AS tile,`,
    `         ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}, margin => ${margin}), ${Number(layer.geometry.srid)}) AS search`,
    '), features AS (',
    `  SELECT t.${ident(layer.idColumn)} AS mvt_id,`,
    `         ST_AsMVTGeom(${simplified}, bounds.tile, ${Number(extent)}, ${Number(buffer)}, true) AS mvt_geom${attributes.length ? ',' : ''}`,
    ...attributes.map((attribute, index) => `         ${attribute}${index < attributes.length - 1 ? ',' : ''}`),
    `  FROM ${ident(layer.table.schema, layer.table.name)} AS t, bounds`,
    `  WHERE ${geometry} && bounds.search`,
    ...(view.areaIds ? [`    AND ${areaFilterCondition(geometry, params.add(view.areaIds))}`] : []),
    ')',
    `SELECT ST_AsMVT(features.*, ${params.add(layer.id, 'text')}, ${Number(extent)}, 'mvt_geom', 'mvt_id') AS mvt, count(*)::integer AS feature_count`,
    'FROM features WHERE mvt_geom IS NOT NULL',
  ].join('\n');
  return { text, values: params.values };
}
