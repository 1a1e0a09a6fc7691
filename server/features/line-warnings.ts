import type { Geometry, Position } from 'geojson';
import type pg from 'pg';
import { ident } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { isEditable } from '../layers/property-validation.ts';
import type { Bbox } from '../layers/geometry-bbox.ts';
import type { StoredFeature } from './feature-row.ts';
import { table } from './feature-sql.ts';
import { type FeatureIssue, issue } from './write-errors.ts';

/**
 * Warnings about a line of a network layer (one with `nearMissMetres`: road segments) once it is written:
 * shorter than the layer's `shortSegmentMetres`, crossing itself, leaving the city, touching a segment that
 * carries the same name and the same attributes (two pieces that could be one). Saved anyway; shown to the
 * editor, whose panel runs the same rules before saving (client/plan/validation/).
 */

/** Within this distance (degrees, about a millimetre) two lines touch: a shared end, a junction. */
const TOUCH_DEGREES = 1e-8;

function positionsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'LineString') return geometry.coordinates;
  if (geometry.type === 'MultiLineString') return geometry.coordinates.flat();
  return [];
}

/** Whether a vertex of the geometry lies outside the city's bounds (the region's home). Pure. */
export function leavesTheCity(geometry: Geometry, city: Bbox): boolean {
  const [west, south, east, north] = city;
  return positionsOf(geometry).some(([lon = 0, lat = 0]) => lon < west || lon > east || lat < south || lat > north);
}

/**
 * The warnings of a written feature. `sameChangeIds`: features of the layer written in the same change set,
 * never reported as touching twins (a split leaves two identical halves on purpose). `city`: the city's
 * bounds (the region's home, what the map opens on), or null when unknown (no warning about leaving it).
 */
export async function findLineWarnings(
  client: pg.ClientBase,
  layer: LayerDefinition,
  feature: StoredFeature,
  sameChangeIds: readonly number[],
  city: Bbox | null,
): Promise<FeatureIssue[]> {
  if (!layer.geometry.nearMissMetres || !['LineString', 'MultiLineString'].includes(feature.geometry.type)) return [];
  const geom = ident(layer.geometry.column);
  const id = ident(layer.idColumn);
  const names = Object.values(layer.nameProperties ?? {}).map((name) => ident(layer.properties[name]!.column));
  const attributes = Object.values(layer.properties).filter(isEditable).map((property) => ident(property.column));
  const isNamed = names.length > 0 ? `(${names.map((name) => `me.${name} IS NOT NULL`).join(' OR ')})` : 'false';
  const sameAttributes = attributes.map((column) => `other.${column} IS NOT DISTINCT FROM me.${column}`).join(' AND ') || 'true';
  const result = await client.query<{ metres: number; is_simple: boolean; twins: string[] | null }>(
    `SELECT ST_Length(me.${geom}::geography) AS metres, ST_IsSimple(me.${geom}) AS is_simple,
            (SELECT array_agg(other.${id}::text ORDER BY other.${id})
               FROM ${table(layer)} AS other
              WHERE ${isNamed}
                AND other.${geom} && ST_Expand(me.${geom}, $3::double precision)
                AND ST_DWithin(other.${geom}, me.${geom}, $3::double precision)
                AND other.${id} <> me.${id}
                AND NOT (other.${id} = ANY($2::bigint[]))
                AND ${sameAttributes}) AS twins
       FROM ${table(layer)} AS me
      WHERE me.${id} = $1`,
    [feature.id, sameChangeIds, TOUCH_DEGREES],
  );
  const row = result.rows[0];
  if (!row) return [];
  const warnings: FeatureIssue[] = [];
  const shortest = layer.geometry.shortSegmentMetres;
  if (shortest !== undefined && row.metres < shortest) {
    const metres = row.metres.toFixed(1);
    warnings.push(issue('/geometry', 'short-segment', `Tronçon très court (${metres} m)`, `مقطع قصير جدا (${metres} م)`, `Very short segment (${metres} m)`));
  }
  if (!row.is_simple) {
    warnings.push(issue('/geometry', 'self-crossing', 'La ligne se croise elle-même', 'الخط يتقاطع مع نفسه', 'The line crosses itself'));
  }
  if (city && leavesTheCity(feature.geometry, city)) {
    warnings.push(issue('/geometry', 'outside-city', 'Le tronçon sort des limites de la ville', 'المقطع يتجاوز حدود المدينة', 'The segment leaves the city'));
  }
  for (const twin of row.twins ?? []) {
    warnings.push(
      issue(
        '/geometry',
        'duplicate-name-touching',
        `Touche le tronçon n° ${twin}, de même nom et mêmes attributs : les fusionner ?`,
        `يلامس المقطع رقم ${twin} الذي يحمل الاسم والخصائص نفسها: هل تدمجهما؟`,
        `Touches segment ${twin}, which has the same name and attributes: merge them?`,
      ),
    );
  }
  return warnings;
}
