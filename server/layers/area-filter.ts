import { ident } from '../db/sql.ts';
import { adminAreas } from './definitions/admin-areas.ts';

/**
 * SQL condition: the geometry intersects one of the admin areas whose ids are in the bound array
 * `idsPlaceholder`. Written as EXISTS so PostgreSQL probes the few areas by id, then tests intersection.
 */
export function areaFilterCondition(geometrySql: string, idsPlaceholder: string): string {
  const table = ident(adminAreas.table.schema, adminAreas.table.name);
  const id = ident(adminAreas.idColumn);
  const geometry = ident(adminAreas.geometry.column);
  return `EXISTS (SELECT 1 FROM ${table} AS area WHERE area.${id} = ANY(${idsPlaceholder}::bigint[]) AND ST_Intersects(area.${geometry}, ${geometrySql}))`;
}
