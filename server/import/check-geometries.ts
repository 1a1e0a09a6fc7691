import type { Geometry } from 'geojson';
import type pg from 'pg';

/** Geometries checked per query: keeps each statement short under the pool's statement timeout. */
const BATCH_SIZE = 2000;

/**
 * OGC validity of each geometry as PostGIS judges it (the same rule as the tables' CHECK (ST_IsValid)):
 * self-intersecting rings, rings that cross, too few distinct points... The geometries travel as one
 * bound JSON parameter per batch. Returns the invalid ones by position in `geometries`, with
 * ST_IsValidReason's text (it names the place, e.g. "Self-intersection[-7.61 33.59]").
 */
export async function findInvalidGeometries(
  queryable: pg.Pool | pg.PoolClient,
  geometries: readonly Geometry[],
  srid: number,
): Promise<{ position: number; reason: string }[]> {
  const invalid: { position: number; reason: string }[] = [];
  for (let start = 0; start < geometries.length; start += BATCH_SIZE) {
    const batch = geometries.slice(start, start + BATCH_SIZE);
    const result = await queryable.query<{ position: number; reason: string }>(
      `SELECT (t.position - 1)::integer AS position, ST_IsValidReason(g.geom) AS reason
         FROM json_array_elements($1::json) WITH ORDINALITY AS t(geometry, position)
        CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(t.geometry), $2::integer) AS geom) AS g
        WHERE NOT ST_IsValid(g.geom)
        ORDER BY t.position`,
      [JSON.stringify(batch), srid],
    );
    for (const row of result.rows) invalid.push({ position: start + row.position, reason: row.reason });
  }
  return invalid;
}
