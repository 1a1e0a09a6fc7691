import type pg from 'pg';

/** A point in central Casablanca (Boulevard Zerktouni near the Twin Center), lon/lat. */
export const CENTRE: readonly [number, number] = [-7.6325, 33.5873];

export type FixtureIds = Record<
  'admin_areas' | 'road_segments' | 'permits' | 'establishments' | 'inspections' | 'transit_routes' | 'transit_stops',
  number
>;

/**
 * One row per layer around CENTRE, with personal data filled in wherever the schema has it, so tests can
 * check both that features arrive and that personal properties do not.
 */
export async function insertFixtureRows(pool: pg.Pool): Promise<FixtureIds> {
  const [lon, lat] = CENTRE;
  const one = async (sql: string, values: unknown[]) => Number((await pool.query<{ id: string }>(sql, values)).rows[0]!.id);
  const prefecture = await one(
    `INSERT INTO admin_areas (level, code, name_fr, name_ar, population, geom)
     VALUES ('prefecture', '06.141', 'Casablanca-Anfa', 'الدار البيضاء أنفا', 500000,
             ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($1, $2), 4326), 0.02))) RETURNING id`,
    [lon, lat],
  );
  const roadSegment = await one(
    `INSERT INTO road_segments (name_fr, name_ar, road_class, surface, condition, width_m, lanes, is_one_way, geom)
     VALUES ('Boulevard Zerktouni', 'شارع الزرقطوني', 'primary', 'asphalt', 'fair', 24.5, 4, false,
             ST_MakeLine(ST_SetSRID(ST_MakePoint($1 - 0.002, $2 - 0.001), 4326), ST_SetSRID(ST_MakePoint($1 + 0.002, $2 + 0.001), 4326)))
     RETURNING id`,
    [lon, lat],
  );
  const permit = await one(
    `INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, applicant_phone, applicant_email, geom)
     VALUES ('PC-2026-90001', 'construction', 'under_review', '2026-03-02', 'Khadija Bennani', '+212 661 234 567',
             'k.bennani@example.ma', ST_SetSRID(ST_MakePoint($1 + 0.0005, $2), 4326)) RETURNING id`,
    [lon, lat],
  );
  const establishment = await one(
    `INSERT INTO establishments (name_fr, name_ar, category, operator_name, latest_grade, geom)
     VALUES ('Café des Arts', 'مقهى الفنون', 'cafe', 'Youssef El Amrani', 'B', ST_SetSRID(ST_MakePoint($1, $2 + 0.0005), 4326))
     RETURNING id`,
    [lon, lat],
  );
  const inspection = await one(
    `INSERT INTO inspections (establishment_id, inspected_on, inspector_name, score, grade, violations, outcome, follow_up_on, geom)
     VALUES ($1, '2026-10-12', 'Samira Alaoui', 72, 'B', '{stockage,hygiene_personnel}', 'minor_violations', '2026-11-12',
             ST_SetSRID(ST_MakePoint(0, 0), 4326)) RETURNING id`,
    [establishment],
  );
  const route = await one(
    `INSERT INTO transit_routes (mode, line_code, name_fr, name_ar, colour, operator, geom)
     VALUES ('tram', 'T9', 'T9 Essai', 'ت9 تجربة', '#e2001a', 'Casa Tram',
             ST_Multi(ST_MakeLine(ST_SetSRID(ST_MakePoint($1 - 0.003, $2), 4326), ST_SetSRID(ST_MakePoint($1 + 0.003, $2), 4326))))
     RETURNING id`,
    [lon, lat],
  );
  const stop = await one(
    `INSERT INTO transit_stops (code, mode, name_fr, name_ar, geom)
     VALUES ('T9-01', 'tram', 'Twin Center', 'توين سنتر', ST_SetSRID(ST_MakePoint($1 + 0.001, $2), 4326)) RETURNING id`,
    [lon, lat],
  );
  await pool.query('INSERT INTO transit_route_stops (route_id, sequence, stop_id) VALUES ($1, 1, $2)', [route, stop]);
  return {
    admin_areas: prefecture,
    road_segments: roadSegment,
    permits: permit,
    establishments: establishment,
    inspections: inspection,
    transit_routes: route,
    transit_stops: stop,
  };
}
