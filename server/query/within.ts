import type { Geometry } from 'geojson';
import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ident } from '../db/sql.ts';
import { AppError } from '../http/errors.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { checkGeometryShape } from '../features/geometry-checks.ts';
import { toResultFeature } from './feature-output.ts';
import { buildWithinPageQuery, type SearchArea } from './within-sql.ts';

/** Bounds on the polygon of a within query: beyond them the question is a bulk export, not a query. */
export const WITHIN_LIMITS = { maxVertices: 2_000, maxAreaKm2: 500 };

function unprocessable(code: string, en: string, fr: string, ar: string): AppError {
  return new AppError(422, 'invalid-polygon', 'Unprocessable content', en, { issues: [{ pointer: '/geometry', code, message: { fr, ar, en } }] });
}

/**
 * The search polygon: a GeoJSON (Multi)Polygon checked for shape, size, complexity and validity (in
 * PostGIS), or an admin area by id. Checked once, before any feature query runs.
 */
export async function resolveSearchArea(pool: pg.Pool, areas: LayerDefinition, input: { geometry?: unknown; areaId?: number }): Promise<SearchArea> {
  if (input.areaId !== undefined) {
    const table = ident(areas.table.schema, areas.table.name);
    const found = await pool.query(`SELECT 1 FROM ${table} WHERE ${ident(areas.idColumn)} = $1`, [input.areaId]);
    if (found.rowCount === 0) throw unprocessable('unknown-area', 'No admin area has this id', 'Aucune zone administrative ne porte cet identifiant', 'لا توجد منطقة إدارية بهذا المعرف');
    return { areaId: input.areaId };
  }
  const shapeIssues = checkGeometryShape({ ...areas, geometry: { ...areas.geometry, types: ['Polygon', 'MultiPolygon'] } }, input.geometry, { maxVertices: WITHIN_LIMITS.maxVertices, region: null });
  if (shapeIssues.length > 0) throw new AppError(422, 'invalid-polygon', 'Unprocessable content', 'The polygon cannot be used', { issues: shapeIssues });
  const check = (await pool.query<{ is_valid: boolean; reason: string; km2: number }>(
    `SELECT ST_IsValid(g) AS is_valid, ST_IsValidReason(g) AS reason, ST_Area(g::geography) / 1e6 AS km2
       FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326) AS g) AS candidate`,
    [JSON.stringify(input.geometry as Geometry)],
  )).rows[0]!;
  if (!check.is_valid) throw unprocessable('invalid-geometry', `Invalid polygon: ${check.reason}`, `Polygone invalide : ${check.reason}`, `مضلع غير صالح: ${check.reason}`);
  if (check.km2 > WITHIN_LIMITS.maxAreaKm2) {
    throw unprocessable('polygon-too-large', `The polygon covers ${check.km2.toFixed(0)} km², more than ${WITHIN_LIMITS.maxAreaKm2}`, `Le polygone couvre ${check.km2.toFixed(0)} km², plus que ${WITHIN_LIMITS.maxAreaKm2}`, `يغطي المضلع ${check.km2.toFixed(0)} كم²، أكثر من ${WITHIN_LIMITS.maxAreaKm2}`);
  }
  return { geojson: JSON.stringify(input.geometry) };
}

/** Paging position across several layers: the index of the layer and the last id returned in it. */
export interface WithinCursor {
  layerIndex: number;
  afterId: number;
}

export function encodeCursor(cursor: WithinCursor): string {
  return Buffer.from(`${cursor.layerIndex}:${cursor.afterId}`).toString('base64url');
}

export function decodeCursor(text: string): WithinCursor | undefined {
  const match = /^(\d{1,3}):(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString());
  return match ? { layerIndex: Number(match[1]), afterId: Number(match[2]) } : undefined;
}

/**
 * Features of the given layers inside the search area, layer after layer in id order, one page at a time.
 */
export async function findWithin(
  pool: pg.Pool,
  registry: LayerRegistry,
  principal: Principal,
  layers: readonly LayerDefinition[],
  area: SearchArea,
  page: { limit: number; cursor: WithinCursor },
): Promise<{ features: ReturnType<typeof toResultFeature>[]; next: string | null }> {
  const features: ReturnType<typeof toResultFeature>[] = [];
  let cursor = page.cursor;
  while (cursor.layerIndex < layers.length && features.length < page.limit) {
    const layer = layers[cursor.layerIndex]!;
    const room = page.limit - features.length;
    const built = buildWithinPageQuery(registry.areas, layer, layerView(principal, layer, registry), area, { afterId: cursor.afterId, room });
    const rows = (await pool.query(built.text, built.values)).rows;
    features.push(...rows.slice(0, room).map((row) => toResultFeature(layer, row)));
    cursor = rows.length > room
      ? { layerIndex: cursor.layerIndex, afterId: Number(rows[room - 1]!.id) }
      : { layerIndex: cursor.layerIndex + 1, afterId: 0 };
  }
  return { features, next: cursor.layerIndex < layers.length ? encodeCursor(cursor) : null };
}
