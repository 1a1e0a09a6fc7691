import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSM_CITY_BOUNDARY_PATH } from '../../data/sample/osm-data.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { loadSampleDataOnce } from '../../server/seed-sample-data.ts';
import { generateScaledData } from '../../server/db/scaled-data.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { SHARED_DATA_DIR } from '../helpers/shared-data.ts';
import { createTestPool } from '../helpers/database.ts';

/**
 * The Casablanca sample as loaded by the test run's global set-up (the same loader the server runs on an
 * empty database), read back through PostGIS.
 */
const CITY_BOUNDARY = join(PROJECT_ROOT, OSM_CITY_BOUNDARY_PATH);
const COMMUNES = join(SHARED_DATA_DIR, 'grand_casablanca_communes.geojson');
if (!existsSync(COMMUNES)) console.warn(`skipping the comparison with the reference data: ${COMMUNES} is absent`);

const ARRONDISSEMENT_CODES = [
  '06.141.01.01', '06.141.01.03', '06.141.01.07', '06.141.01.11', '06.141.01.13', '06.141.01.21', '06.141.01.23',
  '06.141.01.25', '06.141.01.31', '06.141.01.41', '06.141.01.51', '06.141.01.53', '06.141.01.61', '06.141.01.63',
  '06.141.01.71', '06.141.01.73',
];

/** A feature of the reference communes file: only its HCP code and geometry are read. */
interface Commune {
  properties: { hcp_code?: string };
  geometry: unknown;
}

let pool: pg.Pool;
beforeAll(() => {
  pool = createTestPool('sample');
});
afterAll(async () => {
  await pool.end();
});

async function rows<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(sql, values)).rows;
}

describe('sample admin areas', () => {
  it('has the 8 préfectures and 16 arrondissements with codes, both names and parents', async () => {
    const areas = await rows<{ level: string; code: string; name_fr: string; name_ar: string; parent: string | null; population: number }>(
      `SELECT a.level, a.code, a.name_fr, a.name_ar, p.code AS parent, a.population
         FROM admin_areas a LEFT JOIN admin_areas p ON p.id = a.parent_id ORDER BY a.code`,
    );
    expect(areas.filter((area) => area.level === 'prefecture')).toHaveLength(8);
    const arrondissements = areas.filter((area) => area.level === 'arrondissement');
    expect(arrondissements.map((area) => area.code)).toEqual(ARRONDISSEMENT_CODES);
    for (const area of areas) {
      expect(area.name_fr.length).toBeGreaterThan(0);
      expect(area.name_ar).toMatch(/[\u0600-\u06FF]/);
      expect(area.population).toBeGreaterThan(50_000);
    }
    // The tens digit of an arrondissement code is its préfecture (06.141.01.53 Sidi Moumen -> PA5).
    for (const area of arrondissements) expect(area.parent).toBe(`06.141.PA${area.code.at(-2)}`);
    expect(arrondissements.find((area) => area.code === '06.141.01.01')).toMatchObject({ name_fr: 'Anfa', name_ar: 'أنفا' });
  });

  it('has valid arrondissements that do not overlap and préfectures that are their union', async () => {
    const [check] = await rows<{ invalid: number; overlap_m2: number; pieces: number; holes: number; prefecture_gap_m2: number }>(`
      WITH arr AS (SELECT * FROM admin_areas WHERE level = 'arrondissement'),
           city AS (SELECT ST_Union(geom) AS geom FROM arr)
      SELECT (SELECT count(*)::int FROM admin_areas WHERE NOT ST_IsValid(geom)) AS invalid,
             (SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0)
                FROM arr a JOIN arr b ON a.id < b.id AND ST_Intersects(a.geom, b.geom)) AS overlap_m2,
             (SELECT ST_NumGeometries(geom) FROM city) AS pieces,
             (SELECT ST_NumInteriorRings(ST_GeometryN(geom, 1)) FROM city) AS holes,
             (SELECT max(ST_Area(ST_SymDifference(p.geom, (SELECT ST_Union(a.geom) FROM arr a WHERE a.parent_id = p.id))::geography))
                FROM admin_areas p WHERE p.level = 'prefecture') AS prefecture_gap_m2`);
    // One piece, with one hole: the Méchouar enclave, as in OpenStreetMap's boundary of the commune.
    expect(check).toMatchObject({ invalid: 0, pieces: 1, holes: 1 });
    expect(check!.overlap_m2).toBeLessThan(1);
    expect(check!.prefecture_gap_m2).toBeLessThan(1);
  });

  it.each([
    [-7.6328, 33.5883, ['Anfa']],
    [-7.6325, 33.5873, ['Anfa', 'Maârif']],
    [-7.53, 33.58, ['Sidi Moumen']],
    [-7.67, 33.55, ['Hay Hassani']],
    [-7.6186, 33.5928, ['Sidi Belyout']],
    [-7.5, 33.615, ['Sidi Bernoussi']],
  ])('puts (%f, %f) in %j', async (lon, lat, expected) => {
    const found = await rows<{ name_fr: string }>(
      `SELECT name_fr FROM admin_areas WHERE level = 'arrondissement' AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))`,
      [lon, lat],
    );
    expect(found).toHaveLength(1);
    expect(expected).toContain(found[0]!.name_fr);
  });

  it('covers the real city boundary (OpenStreetMap, shipped in data/osm), enclave cut out', async () => {
    const boundary = JSON.parse(readFileSync(CITY_BOUNDARY, 'utf8')).features[0].geometry;
    const [fit] = await rows<{ iou: number }>(
      `WITH real AS (SELECT ST_GeomFromGeoJSON($1::text) AS geom),
            mine AS (SELECT ST_Union(geom) AS geom FROM admin_areas WHERE level = 'arrondissement')
       SELECT ST_Area(ST_Intersection(mine.geom, real.geom)::geography) / ST_Area(ST_Union(mine.geom, real.geom)::geography) AS iou
         FROM real, mine`,
      [JSON.stringify(boundary)],
    );
    expect(fit!.iou).toBeGreaterThan(0.999);
  });

  it.skipIf(!existsSync(COMMUNES))('places most real arrondissements under the same code (reference data, not shipped)', async () => {
    const communes = (JSON.parse(readFileSync(COMMUNES, 'utf8')).features as Commune[]).filter((feature) =>
      ARRONDISSEMENT_CODES.includes(feature.properties.hcp_code ?? ''),
    );
    expect(communes).toHaveLength(16);
    const [match] = await rows<{ matching: number }>(
      `SELECT count(*)::int AS matching
         FROM json_to_recordset($1::json) AS r(code text, geometry json)
         JOIN admin_areas a ON a.code = r.code
        WHERE ST_Intersects(a.geom, ST_PointOnSurface(ST_GeomFromGeoJSON(r.geometry::text)))`,
      [JSON.stringify(communes.map((feature: Commune) => ({ code: feature.properties.hcp_code, geometry: feature.geometry })))],
    );
    expect(match!.matching).toBeGreaterThanOrEqual(10);
  });
});

describe('sample transit', () => {
  it('has the tram and busway lines, operators and colours, flagged approximate', async () => {
    const routes = await rows<{ line_code: string; mode: string; operator: string; is_approximate: boolean; type: string; valid: boolean }>(
      `SELECT line_code, mode, operator, is_approximate, GeometryType(geom) AS type, ST_IsValid(geom) AS valid FROM transit_routes`,
    );
    const byCode = new Map(routes.map((route) => [route.line_code, route]));
    for (const code of ['T1', 'T2', 'T3', 'T4']) expect(byCode.get(code)).toMatchObject({ mode: 'tram', operator: 'Casa Tram' });
    for (const code of ['BW1', 'BW2']) expect(byCode.get(code)).toMatchObject({ mode: 'brt', operator: 'Casa Busway' });
    expect(routes.filter((route) => route.mode === 'bus').length).toBeGreaterThanOrEqual(5);
    for (const route of routes) expect(route).toMatchObject({ is_approximate: true, type: 'MULTILINESTRING', valid: true });
  });

  it('orders each line’s stops 1..n along its geometry', async () => {
    const lines = await rows<{ line_code: string; sequences: number[]; farthest_m: number }>(`
      SELECT r.line_code, array_agg(rs.sequence ORDER BY rs.sequence) AS sequences,
             max(ST_Distance(s.geom::geography, r.geom::geography)) AS farthest_m
        FROM transit_routes r JOIN transit_route_stops rs ON rs.route_id = r.id JOIN transit_stops s ON s.id = rs.stop_id
       GROUP BY r.line_code`);
    expect(lines.find((line) => line.line_code === 'T1')?.sequences.length).toBeGreaterThan(30);
    for (const line of lines) {
      expect(line.sequences).toEqual(Array.from({ length: line.sequences.length }, (_, index) => index + 1));
      expect(line.farthest_m).toBeLessThan(1);
    }
  });

  it('lists every line on shared stops and leaves no stop unserved', async () => {
    const stops = await rows<{ code: string; line_codes: string[]; is_approximate: boolean }>(
      'SELECT code, line_codes, is_approximate FROM transit_stops',
    );
    const byCode = new Map(stops.map((stop) => [stop.code, stop]));
    expect(byCode.get('T1-11')?.line_codes).toEqual(['T1', 'T2']);
    expect(byCode.get('T2-17')?.line_codes).toEqual(['T2', 'T3', 'T4']);
    expect(stops.filter((stop) => stop.line_codes.length > 1).length).toBeGreaterThanOrEqual(8);
    for (const stop of stops) expect(stop.line_codes.length > 0 && stop.is_approximate).toBe(true);
  });
});

describe('sample permits, establishments and inspections', () => {
  it('exist in every arrondissement', async () => {
    const perArea = await rows<{ code: string; permits: number; establishments: number; inspections: number }>(`
      SELECT a.code,
             (SELECT count(*)::int FROM permits p WHERE ST_Within(p.geom, a.geom)) AS permits,
             (SELECT count(*)::int FROM establishments e WHERE ST_Within(e.geom, a.geom)) AS establishments,
             (SELECT count(*)::int FROM inspections i WHERE ST_Within(i.geom, a.geom)) AS inspections
        FROM admin_areas a WHERE a.level = 'arrondissement'`);
    expect(perArea).toHaveLength(16);
    for (const area of perArea) expect(Math.min(area.permits, area.establishments, area.inspections)).toBeGreaterThan(0);
    expect(perArea.reduce((sum, area) => sum + area.permits, 0)).toBeGreaterThanOrEqual(600);
    const [footprints] = await rows<{ total: number }>(`SELECT count(*)::int AS total FROM permits WHERE GeometryType(geom) = 'POLYGON'`);
    expect(footprints!.total).toBeGreaterThan(50);
  });

  it('keeps grades, places and latest grades consistent', async () => {
    const [check] = await rows<{ bad_grade: number; displaced: number; stale_latest: number; inspections: number }>(`
      SELECT count(*) FILTER (WHERE i.grade <> CASE WHEN i.score >= 80 THEN 'A' WHEN i.score >= 60 THEN 'B' ELSE 'C' END)::int AS bad_grade,
             count(*) FILTER (WHERE NOT ST_Equals(i.geom, e.geom))::int AS displaced,
             (SELECT count(*)::int FROM establishments x WHERE x.latest_grade IS DISTINCT FROM
                (SELECT grade FROM inspections y WHERE y.establishment_id = x.id ORDER BY inspected_on DESC LIMIT 1)) AS stale_latest,
             count(*)::int AS inspections
        FROM inspections i JOIN establishments e ON e.id = i.establishment_id`);
    expect(check).toMatchObject({ bad_grade: 0, displaced: 0, stale_latest: 0 });
    expect(check!.inspections).toBeGreaterThanOrEqual(1_200);
  });

  it('records what it loaded and loads nothing the second time', async () => {
    const [marker] = await rows<{ value: Record<string, number> }>("SELECT value FROM app_meta WHERE key = 'sample_data'");
    expect(marker!.value).toMatchObject({
      admin_areas: 24,
      road_segments: 14_273,
      transit_route_stops: 189,
      permits: 600,
      establishments: 400,
      inspections: 1200,
    });
    const countRoads = async () => (await rows<{ total: number }>('SELECT count(*)::int AS total FROM road_segments'))[0]!.total;
    const before = await countRoads();
    expect(await loadSampleDataOnce(pool)).toBe(false);
    expect(await countRoads()).toBe(before);
  });
});

describe('generateScaledData, on a scratch database of its own', () => {
  let database: ScratchDatabase;
  let scratchUrl: string;
  let scratch: pg.Pool;
  const count = async (table: 'road_segments' | 'permits' | 'inspections') =>
    (await scratch.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${pg.escapeIdentifier(table)}`)).rows[0]!.total;

  beforeAll(async () => {
    database = await createScratchDatabase();
    scratchUrl = database.url;
    scratch = database.pool;
    expect(await loadSampleDataOnce(scratch)).toBe(true);
  });
  afterAll(async () => {
    await database?.drop();
  });

  // Each test starts from the counts it finds, so that none depends on another having run. The streets of
  // OpenStreetMap reach a little beyond the city; the copies the generator adds stay inside it.
  it('tops the tables up with valid copies inside the city, unique references and current grades', async () => {
    const before = { roads: await count('road_segments'), permits: await count('permits'), inspections: await count('inspections') };
    const lastRoad = (await scratch.query('SELECT max(id)::int AS id FROM road_segments')).rows[0].id as number;
    const copiedReferences = async () => (await scratch.query("SELECT count(*)::int AS n FROM permits WHERE reference ~ '^[A-Z]+-[0-9]{4}-[0-9]+/S[0-9]+$'")).rows[0].n as number;
    const copiedBefore = await copiedReferences();
    const targets = { roadSegments: before.roads + 800, permits: before.permits + 500, inspections: before.inspections + 300 };
    const client = await scratch.connect();
    try {
      await client.query('BEGIN');
      expect(await generateScaledData(client, targets)).toEqual([
        { table: 'road_segments', before: before.roads, added: 800, after: targets.roadSegments },
        { table: 'permits', before: before.permits, added: 500, after: targets.permits },
        { table: 'inspections', before: before.inspections, added: 300, after: targets.inspections },
      ]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const [check] = (await scratch.query(`
      WITH city AS (SELECT ST_Union(geom) AS geom FROM admin_areas WHERE level = 'arrondissement')
      SELECT (SELECT count(*)::int FROM road_segments, city WHERE road_segments.id > $1 AND NOT ST_CoveredBy(road_segments.geom, city.geom)) AS roads_outside,
             (SELECT count(*)::int FROM permits, city WHERE NOT ST_CoveredBy(permits.geom, city.geom)) AS permits_outside,
             (SELECT count(DISTINCT reference)::int FROM permits) AS distinct_references,
             (SELECT count(*)::int FROM establishments e WHERE e.latest_grade IS DISTINCT FROM
                (SELECT grade FROM inspections i WHERE i.establishment_id = e.id ORDER BY inspected_on DESC, id DESC LIMIT 1)) AS stale_grades`, [lastRoad])).rows;
    expect(check).toEqual({ roads_outside: 0, permits_outside: 0, distinct_references: targets.permits, stale_grades: 0 });
    expect(await copiedReferences()).toBe(copiedBefore + 500);
  });

  it('changes nothing once the targets are met, and never removes rows', async () => {
    const roads = await count('road_segments');
    const permits = await count('permits');
    const client = await scratch.connect();
    try {
      const changes = await generateScaledData(client, { roadSegments: 10, permits, inspections: 0 });
      expect(changes.map((change) => change.added)).toEqual([0, 0, 0]);
    } finally {
      client.release();
    }
    expect(await count('road_segments')).toBe(roads);
    expect(await count('permits')).toBe(permits);
  });

  it('runs from the command line and reports what it changed', async () => {
    const run = promisify(execFile);
    const script = ['scripts/generate-scaled-data.ts', '--database-url', scratchUrl];
    const permits = await count('permits');
    const { stdout } = await run('node_modules/.bin/tsx', [...script, '--permits', String(permits + 100)], { cwd: PROJECT_ROOT });
    expect(stdout).toContain(`permits: added 100 (${permits} -> ${permits + 100} rows)`);
    expect(await count('permits')).toBe(permits + 100);
    await expect(run('node_modules/.bin/tsx', [...script, '--permits', 'many'], { cwd: PROJECT_ROOT })).rejects.toMatchObject({ code: 2 });
  });
});
