import type { LayerView } from '../auth/policy.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { resultColumns } from './feature-output.ts';

/** A checked search area (within.ts checks it before any feature query): an admin area, or a polygon. */
export type SearchArea = { areaId: number } | { geojson: string };

/** The search area as SQL, its values bound to `params`. */
function searchAreaSql(areas: LayerDefinition, area: SearchArea, params: SqlParams): string {
  if ('areaId' in area) {
    return `(SELECT ${ident(areas.geometry.column)} FROM ${ident(areas.table.schema, areas.table.name)} WHERE ${ident(areas.idColumn)} = ${params.add(area.areaId, 'bigint')})`;
  }
  return `ST_SetSRID(ST_GeomFromGeoJSON(${params.add(area.geojson)}::text), 4326)`;
}

/**
 * One page of one layer's features inside the search area, in id order after `afterId`; one row more than
 * `room` tells whether the layer has more. The layer's GiST index narrows the candidates (&&).
 */
export function buildWithinPageQuery(areas: LayerDefinition, layer: LayerDefinition, view: LayerView, area: SearchArea, page: { afterId: number; room: number }): BuiltQuery {
  const params = new SqlParams();
  const geometry = `t.${ident(layer.geometry.column)}`;
  const search = searchAreaSql(areas, area, params);
  const confined = view.areaIds ? `AND ${areaFilterCondition(areas, geometry, params.add(view.areaIds))}` : '';
  const text = `WITH search AS (SELECT ${search} AS g)
SELECT ${resultColumns(layer, view)}
  FROM ${ident(layer.table.schema, layer.table.name)} AS t, search
 WHERE ${geometry} && search.g AND ST_Intersects(${geometry}, search.g)
   AND t.${ident(layer.idColumn)} > ${params.add(page.afterId, 'bigint')} ${confined}
 ORDER BY t.${ident(layer.idColumn)}
 LIMIT ${params.add(page.room + 1, 'integer')}`;
  return { text, values: params.values };
}
