import { ident } from '../db/sql.ts';
import type { LayerDefinition } from './layer-definition.ts';

/**
 * SQL condition: the geometry intersects one of the admin areas (the registry's areas layer) whose ids are
 * in the bound array `idsPlaceholder`. Written as EXISTS so PostgreSQL probes the few areas by id, then
 * tests intersection.
 */
export function areaFilterCondition(areas: LayerDefinition, geometrySql: string, idsPlaceholder: string): string {
  const table = ident(areas.table.schema, areas.table.name);
  const id = ident(areas.idColumn);
  const geometry = ident(areas.geometry.column);
  return `EXISTS (SELECT 1 FROM ${table} AS area WHERE area.${id} = ANY(${idsPlaceholder}::bigint[]) AND ST_Intersects(area.${geometry}, ${geometrySql}))`;
}
