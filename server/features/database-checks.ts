import type { Geometry } from 'geojson';
import type pg from 'pg';
import { ident } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { findRowIssues, parentLevelIssue } from '../layers/row-checks.ts';
import { table } from './feature-sql.ts';
import { type FeatureIssue, issue } from './write-errors.ts';

/** PostGIS's verdict on validity, with its reason (for example "Self-intersection[-7.62 33.59]"). */
export async function checkGeometryValidity(client: pg.ClientBase, layer: LayerDefinition, geometry: Geometry): Promise<FeatureIssue[]> {
  const result = await client.query<{ is_valid: boolean; reason: string }>(
    `SELECT ST_IsValid(g) AS is_valid, ST_IsValidReason(g) AS reason
       FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), $2::integer) AS g) AS candidate`,
    [JSON.stringify(geometry), layer.geometry.srid],
  );
  const row = result.rows[0]!;
  if (row.is_valid) return [];
  return [issue('/geometry', 'invalid-geometry', `Géométrie invalide : ${row.reason}`, `شكل هندسي غير صالح: ${row.reason}`, `Invalid geometry: ${row.reason}`)];
}

/**
 * Warnings for line ends that stop within `nearMissMetres` of another feature of the layer without
 * touching any: usually a road that should meet another. Saved anyway; shown to the editor.
 */
export async function findNearMissWarnings(
  client: pg.ClientBase,
  layer: LayerDefinition,
  geometry: Geometry | undefined,
  ownId: number | null,
): Promise<FeatureIssue[]> {
  const metres = layer.geometry.nearMissMetres;
  if (!metres || !geometry || geometry.type !== 'LineString') return [];
  const geom = ident(layer.geometry.column);
  const id = ident(layer.idColumn);
  const result = await client.query<{ end_name: string; metres: number }>(
    `WITH line AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), $2::integer) AS g),
          ends AS (SELECT 'start' AS end_name, ST_StartPoint(g) AS p FROM line UNION ALL SELECT 'end', ST_EndPoint(g) FROM line)
     SELECT e.end_name, min(ST_Distance(e.p::geography, other.${geom}::geography)) AS metres
       FROM ends e
       JOIN ${table(layer)} AS other
         ON other.${geom} && ST_Expand(e.p, $3::double precision / 90000)
        AND other.${id} IS DISTINCT FROM $4::bigint
        AND ST_DWithin(e.p::geography, other.${geom}::geography, $3::double precision)
      WHERE NOT EXISTS (
              SELECT 1 FROM ${table(layer)} AS touched
               WHERE touched.${id} IS DISTINCT FROM $4::bigint AND ST_DWithin(touched.${geom}, e.p, 1e-8))
      GROUP BY e.end_name
      ORDER BY e.end_name DESC`,
    [JSON.stringify(geometry), layer.geometry.srid, metres, ownId],
  );
  return result.rows.map((row) => {
    const distance = row.metres.toFixed(1);
    const end = row.end_name === 'start' ? { fr: 'Le début', ar: 'بداية', en: 'The start' } : { fr: 'La fin', ar: 'نهاية', en: 'The end' };
    return issue(
      '/geometry',
      'near-miss-end',
      `${end.fr} de la ligne passe à ${distance} m d’un autre tronçon sans le toucher`,
      `${end.ar} الخط تمر على بعد ${distance} م من مقطع آخر دون أن تلمسه`,
      `${end.en} of the line stops ${distance} m from another segment without touching it`,
    );
  });
}

/** Whether a geometry touches at least one of the given admin areas (confined editors). */
export async function isInsideAreas(client: pg.ClientBase | pg.Pool, areas: LayerDefinition, geometry: Geometry, areaIds: readonly number[]): Promise<boolean> {
  const result = await client.query<{ inside: boolean }>(
    `SELECT ${areaFilterCondition(areas, 'ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326)', '$2')} AS inside`,
    [JSON.stringify(geometry), areaIds],
  );
  return result.rows[0]!.inside;
}

/**
 * The registry's rules over the whole row (hierarchy, row rules), then the level of the parent it names:
 * judged before the database would refuse the write, with the rule's own words.
 */
export async function findRowRuleIssues(client: pg.ClientBase, layer: LayerDefinition, values: Readonly<Record<string, unknown>>): Promise<FeatureIssue[]> {
  const issues: FeatureIssue[] = findRowIssues(layer, values);
  const hierarchy = layer.hierarchy;
  const parentId = hierarchy ? values[hierarchy.parentProperty] : undefined;
  if (issues.length > 0 || !hierarchy || typeof parentId !== 'number') return issues;
  const level = ident(layer.properties[hierarchy.levelProperty]!.column);
  const parent = (await client.query<{ level: string }>(`SELECT t.${level} AS level FROM ${table(layer)} AS t WHERE t.${ident(layer.idColumn)} = $1`, [parentId])).rows[0];
  if (!parent) {
    return [issue(`/properties/${hierarchy.parentProperty}`, 'parent-not-found', `Aucune zone n’a l’identifiant ${parentId}`, `لا توجد منطقة بالمعرف ${parentId}`, `No area has id ${parentId}`)];
  }
  const wrong = parentLevelIssue(layer, values[hierarchy.levelProperty], parent.level);
  return wrong ? [wrong] : [];
}
