import type pg from 'pg';

/** Row counts to reach per table. A table already at or above its target is left alone. */
export interface ScaleTargets {
  roadSegments?: number;
  permits?: number;
  inspections?: number;
}

/** What one call changed in one table. */
export interface ScaledTableChange {
  table: 'road_segments' | 'permits' | 'inspections';
  before: number;
  added: number;
  after: number;
}

export class ScaledDataError extends Error {
  override name = 'ScaledDataError';
}

/**
 * How far copies move, in degrees (EPSG:4326) in each direction. Road copies spread over the whole city
 * (about ±5.5 km east-west, ±4.4 km north-south) so that tiles everywhere get dense; permit copies stay
 * within about a kilometre of their original so that each arrondissement keeps its mix.
 */
const ROAD_JITTER_DEG: readonly [number, number] = [0.06, 0.04];
const PERMIT_JITTER_DEG: readonly [number, number] = [0.01, 0.008];
/** Inspection copies are moved back in time by up to this many days (dates stay in the past). */
const INSPECTION_SHIFT_DAYS = 730;
/** Candidates drawn per row still missing: copies that leave the city are thrown away. */
const OVERSAMPLING = 1.6;
const MAX_PASSES = 12;
/** setseed() value: the same database grows the same way on every run. */
const RANDOM_SEED = 0.4242;

/**
 * The area copies must stay in: the union of the arrondissements, or, in a database without them, the
 * convex hull of the rows being copied. Materialised once per statement; PostGIS then prepares it once
 * for the ST_CoveredBy test of every candidate.
 */
const CITY_CTE = (table: 'road_segments' | 'permits') => `city AS MATERIALIZED (
  SELECT coalesce(
    (SELECT ST_Union(geom) FROM admin_areas WHERE level = 'arrondissement'),
    (SELECT ST_ConvexHull(ST_Collect(geom)) FROM ${table})) AS geom
)`;

/** $1 candidates, $2/$3 jitter in degrees, $4 rows to insert at most. */
const COPY_ROAD_SEGMENTS = `
WITH ${CITY_CTE('road_segments')},
source AS MATERIALIZED (SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM road_segments),
candidate AS (
  SELECT s.*, ST_Translate(s.geom, (random() * 2 - 1) * $2, (random() * 2 - 1) * $3) AS moved
    FROM generate_series(0, $1::integer - 1) AS g(i)
    JOIN source s ON s.n = g.i % (SELECT count(*) FROM source)
)
INSERT INTO road_segments
  (name_fr, name_ar, road_class, surface, condition, width_m, lanes, sidewalks, is_lit, is_one_way, last_works_on, geom)
SELECT c.name_fr, c.name_ar, c.road_class, c.surface, c.condition, c.width_m, c.lanes, c.sidewalks, c.is_lit,
       c.is_one_way, c.last_works_on, c.moved
  FROM candidate c, city
 WHERE ST_CoveredBy(c.moved, city.geom)
 LIMIT $4`;

/**
 * Same parameters. Each copy takes its id from the identity sequence first and carries it in its
 * reference (PC-2025-00123/S151234), so references stay unique however often the table is topped up.
 */
const COPY_PERMITS = `
WITH ${CITY_CTE('permits')},
source AS MATERIALIZED (SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM permits),
candidate AS (
  SELECT s.*, ST_Translate(s.geom, (random() * 2 - 1) * $2, (random() * 2 - 1) * $3) AS moved
    FROM generate_series(0, $1::integer - 1) AS g(i)
    JOIN source s ON s.n = g.i % (SELECT count(*) FROM source)
),
accepted AS (
  SELECT nextval(pg_get_serial_sequence('permits', 'id')) AS new_id, c.*
    FROM candidate c, city
   WHERE ST_CoveredBy(c.moved, city.geom)
   LIMIT $4
)
INSERT INTO permits (id, reference, kind, status, submitted_on, decided_on, valid_until, description_fr, description_ar,
                     applicant_name, applicant_phone, applicant_email, geom)
SELECT a.new_id, regexp_replace(a.reference, '/S[0-9]+$', '') || '/S' || a.new_id, a.kind, a.status, a.submitted_on,
       a.decided_on, a.valid_until, a.description_fr, a.description_ar, a.applicant_name, a.applicant_phone,
       a.applicant_email, a.moved
  FROM accepted a`;

/** $1 rows, $2 largest shift in days. Copies go to random establishments; the trigger places them. */
const COPY_INSPECTIONS = `
WITH source AS MATERIALIZED (SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM inspections),
establishment AS MATERIALIZED (SELECT array_agg(id ORDER BY id) AS ids FROM establishments),
candidate AS (
  SELECT s.*, floor(random() * ($2::integer + 1))::integer AS shift,
         e.ids[1 + floor(random() * cardinality(e.ids))::integer] AS target_id
    FROM generate_series(0, $1::integer - 1) AS g(i)
    JOIN source s ON s.n = g.i % (SELECT count(*) FROM source)
    CROSS JOIN establishment e
)
INSERT INTO inspections (establishment_id, inspected_on, inspector_name, score, grade, violations, outcome,
                         follow_up_on, notes)
SELECT c.target_id, c.inspected_on - c.shift, c.inspector_name, c.score, c.grade, c.violations, c.outcome,
       c.follow_up_on - c.shift, c.notes
  FROM candidate c`;

/** Keeps establishments.latest_grade equal to the grade of each one's latest inspection. */
const REFRESH_LATEST_GRADES = `
UPDATE establishments e SET latest_grade = latest.grade
  FROM (SELECT DISTINCT ON (establishment_id) establishment_id, grade
          FROM inspections ORDER BY establishment_id, inspected_on DESC, id DESC) AS latest
 WHERE latest.establishment_id = e.id AND e.latest_grade IS DISTINCT FROM latest.grade`;

const COUNT_SQL = {
  road_segments: 'SELECT count(*)::integer AS total FROM road_segments',
  permits: 'SELECT count(*)::integer AS total FROM permits',
  inspections: 'SELECT count(*)::integer AS total FROM inspections',
} as const;

async function countRows(client: pg.ClientBase, table: ScaledTableChange['table']): Promise<number> {
  return (await client.query<{ total: number }>(COUNT_SQL[table])).rows[0]!.total;
}

/** Inserts jittered copies in passes until the table holds `target` rows (copies that leave the city are dropped). */
async function topUpSpatial(
  client: pg.ClientBase,
  table: 'road_segments' | 'permits',
  target: number,
  jitter: readonly [number, number],
): Promise<ScaledTableChange> {
  const before = await countRows(client, table);
  if (before === 0 && target > 0) throw new ScaledDataError(`${table} has no rows to copy: load the sample data first`);
  const sql = table === 'road_segments' ? COPY_ROAD_SEGMENTS : COPY_PERMITS;
  let count = before;
  for (let pass = 0; count < target; pass += 1) {
    if (pass === MAX_PASSES) throw new ScaledDataError(`${table}: copies keep falling outside the city; stopped at ${count} rows`);
    const missing = target - count;
    const result = await client.query(sql, [Math.ceil(missing * OVERSAMPLING) + 100, jitter[0], jitter[1], missing]);
    count += result.rowCount ?? 0;
  }
  return { table, before, added: count - before, after: count };
}

async function topUpInspections(client: pg.ClientBase, target: number): Promise<ScaledTableChange> {
  const before = await countRows(client, 'inspections');
  if (before >= target) return { table: 'inspections', before, added: 0, after: before };
  if (before === 0) throw new ScaledDataError('inspections has no rows to copy: load the sample data first');
  const result = await client.query(COPY_INSPECTIONS, [target - before, INSPECTION_SHIFT_DAYS]);
  await client.query(REFRESH_LATEST_GRADES);
  const added = result.rowCount ?? 0;
  return { table: 'inspections', before, added, after: before + added };
}

/**
 * Grows the database to benchmark sizes by copying its own rows (normally the sample data): road segments
 * and permits as copies moved at random but kept inside the city, with unique permit references;
 * inspections as copies dated earlier and given to random establishments, whose latest_grade is then
 * brought up to date. Tops up only: a table already at its target is untouched, so running it twice
 * changes nothing. Set-based SQL with bound parameters; runs in the caller's transaction, if any.
 */
export async function generateScaledData(client: pg.ClientBase, targets: ScaleTargets): Promise<ScaledTableChange[]> {
  await client.query('SELECT setseed($1)', [RANDOM_SEED]);
  const changes: ScaledTableChange[] = [];
  if (targets.roadSegments !== undefined) {
    changes.push(await topUpSpatial(client, 'road_segments', targets.roadSegments, ROAD_JITTER_DEG));
  }
  if (targets.permits !== undefined) changes.push(await topUpSpatial(client, 'permits', targets.permits, PERMIT_JITTER_DEG));
  if (targets.inspections !== undefined) changes.push(await topUpInspections(client, targets.inspections));
  return changes;
}
