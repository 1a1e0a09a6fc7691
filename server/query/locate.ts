import type pg from 'pg';
import { isAllowed } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ident } from '../db/sql.ts';
import type { LayerRegistry } from '../layers/registry.ts';

/** Where a point is in the city: what a tax or CRM record needs to attach an address to Casablanca. */
export interface LocateResult {
  point: { lon: number; lat: number };
  prefecture: AreaSummary | null;
  arrondissement: AreaSummary | null;
  commune: AreaSummary | null;
  nearestRoad: { id: number; name: { fr: string | null; ar: string | null }; roadClass: string; distanceM: number } | null;
  nearestStops: Partial<Record<'tram' | 'brt' | 'bus', { id: number; code: string; name: { fr: string; ar: string }; lines: string[]; distanceM: number } | null>>;
}

interface AreaSummary {
  id: number;
  code: string;
  name: { fr: string; ar: string };
}

const POINT = 'ST_SetSRID(ST_MakePoint($1::double precision, $2::double precision), 4326)';
const METRIC_POINT = `ST_Transform(${POINT}, 26191)`;

/**
 * Answers with the admin areas containing the point, the nearest road segment and the nearest stop of each
 * mode. Each part comes from a layer the caller must be allowed to read; parts it may not read are left
 * out. Nearest-neighbour searches use the EPSG:26191 expression indexes (KNN), then report geodesic metres.
 */
export async function locatePoint(pool: pg.Pool, registry: LayerRegistry, principal: Principal, lon: number, lat: number): Promise<LocateResult> {
  const result: LocateResult = { point: { lon, lat }, prefecture: null, arrondissement: null, commune: null, nearestRoad: null, nearestStops: {} };
  const areas = registry.areas;
  if (isAllowed(principal, areas, 'read')) {
    const rows = (await pool.query(
      `SELECT a.${ident(areas.idColumn)} AS id, a.${ident(areas.properties.level!.column)} AS level, a.${ident(areas.properties.code!.column)} AS code,
              a.${ident(areas.properties.name_fr!.column)} AS name_fr, a.${ident(areas.properties.name_ar!.column)} AS name_ar
         FROM ${ident(areas.table.schema, areas.table.name)} AS a
        WHERE ST_Intersects(a.${ident(areas.geometry.column)}, ${POINT})`,
      [lon, lat],
    )).rows;
    for (const row of rows) {
      const level = row.level as 'prefecture' | 'arrondissement' | 'commune';
      result[level] = { id: Number(row.id), code: row.code, name: { fr: row.name_fr, ar: row.name_ar } };
    }
  }
  const roads = registry.streets;
  if (roads && isAllowed(principal, roads, 'read')) {
    const geometry = `r.${ident(roads.geometry.column)}`;
    const row = (await pool.query(
      `SELECT r.${ident(roads.idColumn)} AS id, r.${ident(roads.properties.name_fr!.column)} AS name_fr, r.${ident(roads.properties.name_ar!.column)} AS name_ar,
              r.${ident(roads.properties.road_class!.column)} AS road_class, ST_Distance(${geometry}::geography, ${POINT}::geography) AS metres
         FROM ${ident(roads.table.schema, roads.table.name)} AS r
        ORDER BY ST_Transform(${geometry}, 26191) <-> ${METRIC_POINT}
        LIMIT 1`,
      [lon, lat],
    )).rows[0];
    if (row) result.nearestRoad = { id: Number(row.id), name: { fr: row.name_fr, ar: row.name_ar }, roadClass: row.road_class, distanceM: round(row.metres) };
  }
  const stops = registry.find('transit_stops');
  if (stops && isAllowed(principal, stops, 'read')) {
    const geometry = `s.${ident(stops.geometry.column)}`;
    for (const mode of ['tram', 'brt', 'bus'] as const) {
      const row = (await pool.query(
        `SELECT s.${ident(stops.idColumn)} AS id, s.${ident(stops.properties.code!.column)} AS code, s.${ident(stops.properties.name_fr!.column)} AS name_fr,
                s.${ident(stops.properties.name_ar!.column)} AS name_ar, s.${ident(stops.properties.line_codes!.column)} AS lines,
                ST_Distance(${geometry}::geography, ${POINT}::geography) AS metres
           FROM ${ident(stops.table.schema, stops.table.name)} AS s
          WHERE s.${ident(stops.properties.mode!.column)} = $3
          ORDER BY ST_Transform(${geometry}, 26191) <-> ${METRIC_POINT}
          LIMIT 1`,
        [lon, lat, mode],
      )).rows[0];
      result.nearestStops[mode] = row
        ? { id: Number(row.id), code: row.code, name: { fr: row.name_fr, ar: row.name_ar }, lines: row.lines, distanceM: round(row.metres) }
        : null;
    }
  }
  return result;
}

function round(metres: number): number {
  return Math.round(metres * 10) / 10;
}
