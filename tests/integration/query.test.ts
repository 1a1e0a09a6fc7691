import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createUser } from '../../server/auth/accounts.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { createSession } from '../../server/auth/sessions.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { createTestPool } from '../helpers/database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/** Known answers on the Casablanca sample data (read-only: nothing here writes features). */
let pool: pg.Pool;
let server: TestServer;
let admin: Record<string, string>;
let inspectorAnfa: Record<string, string>;
let locateKey: Record<string, string>;

beforeAll(async () => {
  pool = createTestPool('sample');
  const stamp = Date.now().toString(36);
  const session = async (username: string, role: 'admin' | 'inspector', areaCodes: string[] = []) => {
    const user = await createUser(pool, { username, role, password: 'query test password', areaCodes });
    return { Authorization: `Bearer ${(await createSession(pool, user.id, 3600, undefined)).token}` };
  };
  admin = await session(`q-admin-${stamp}`, 'admin');
  inspectorAnfa = await session(`q-inspector-${stamp}`, 'inspector', ['06.141.01.01']);
  locateKey = { Authorization: `Bearer ${(await createApiKey(pool, new LayerRegistry(), { module: 'tax', scopes: ['query:locate', 'admin_areas:read'] })).key}` };
  server = await startTestServer(pool);
});
afterAll(async () => {
  await server?.close();
  await pool?.end();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
};
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};

describe('locate', () => {
  it('places Place Mohammed V in Sidi Belyout, with its préfecture, nearest road and the T1 station nearby', async () => {
    const { status, body } = await get('/api/query/locate?lon=-7.6186&lat=33.5925');
    expect(status).toBe(200);
    expect(body.arrondissement).toMatchObject({ code: '06.141.01.07', name: { fr: 'Sidi Belyout' } });
    expect(body.prefecture.name.fr).toBe('Casablanca-Anfa');
    expect(body.nearestRoad.distanceM).toBeLessThan(150);
    expect(body.nearestStops.tram).toMatchObject({ code: 'T1-23', name: { fr: 'Place Mohammed V' } });
    expect(body.nearestStops.tram.lines).toEqual(expect.arrayContaining(['T1']));
    expect(body.nearestStops.tram.distanceM).toBeLessThan(20);
    expect(body.nearestStops.brt).not.toBeUndefined();
  });

  it('places a point of Anfa in Anfa', async () => {
    const { body } = await get('/api/query/locate?lon=-7.6455&lat=33.5885');
    expect(body.arrondissement.name).toEqual({ fr: 'Anfa', ar: 'أنفا' });
  });

  it('gives a key only what its scopes allow', async () => {
    const { status, body } = await get('/api/query/locate?lon=-7.6186&lat=33.5925', locateKey);
    expect(status).toBe(200);
    expect(body.arrondissement.code).toBe('06.141.01.07');
    expect(body.nearestRoad).toBeNull();
    expect(body.nearestStops).toEqual({});
    expect((await get('/api/query/nearby?layer=permits&lon=-7.6186&lat=33.5925', locateKey)).status).toBe(403);
  });

  it.each([
    ['', 400, '/lon'],
    ['lon=-7.6', 400, '/lat'],
    ['lon=abc&lat=33.59', 400, '/lon'],
    ['lon=&lat=33.59', 400, '/lon'],
    ['lon=-7.6&lat=33.59&extra=1', 400, ''],
    ['lon=2.35&lat=48.85', 422, '/lon'],
  ])('?%s -> %i naming %s', async (query, status, pointer) => {
    const response = await get(`/api/query/locate?${query}`);
    expect(response.status).toBe(status);
    expect(response.type).toMatch(/problem\+json/);
    if (pointer) expect(response.body.issues.map((issue: { pointer: string }) => issue.pointer)).toContain(pointer);
  });
});

describe('nearby', () => {
  it('returns stops by true distance, nearest first, within the radius', async () => {
    const { status, body } = await get('/api/query/nearby?layer=transit_stops&lon=-7.6186&lat=33.5925&radius=800&limit=10');
    expect(status).toBe(200);
    const distances = body.features.map((feature: { distanceM: number }) => feature.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(800);
    expect(body.features[0].properties.code).toBe('T1-23');
  });

  it('answers exactly the nearest features inside the circle, never those only inside its square', async () => {
    // The query walks the index inside the radius's square; the corners of the square are not in the circle.
    let hasCornerStops = false;
    for (const [radius, limit] of [[400, 3], [800, 50], [1200, 50], [1600, 50], [2000, 50], [3000, 50], [1500, 8]] as const) {
      const { body } = await get(`/api/query/nearby?layer=transit_stops&lon=-7.6186&lat=33.5925&radius=${radius}&limit=${limit}`);
      const expected = await pool.query(
        `SELECT id FROM transit_stops
          WHERE ST_DWithin(ST_Transform(geom, 26191), ST_Transform(ST_SetSRID(ST_MakePoint(-7.6186, 33.5925), 4326), 26191), $1)
          ORDER BY ST_Distance(ST_Transform(geom, 26191), ST_Transform(ST_SetSRID(ST_MakePoint(-7.6186, 33.5925), 4326), 26191)), id LIMIT $2`,
        [radius, limit],
      );
      const inSquare = await pool.query(
        `SELECT count(*)::int AS count FROM transit_stops
          WHERE ST_Transform(geom, 26191) && ST_Expand(ST_Transform(ST_SetSRID(ST_MakePoint(-7.6186, 33.5925), 4326), 26191), $1)`,
        [radius],
      );
      if (limit === 50 && inSquare.rows[0].count > expected.rowCount!) hasCornerStops = true;
      expect(body.features.map((feature: { id: number }) => feature.id)).toEqual(expected.rows.map((row) => row.id));
    }
    expect(hasCornerStops, 'some square holds stops its circle does not').toBe(true);
  });

  it('never shows applicants to the public, and keeps a confined inspector in her arrondissement', async () => {
    const { body } = await get('/api/query/nearby?layer=permits&lon=-7.6186&lat=33.5925&radius=2000&limit=50');
    expect(body.features.length).toBeGreaterThan(0);
    for (const feature of body.features) expect(feature.properties).not.toHaveProperty('applicant_name');
    const confined = await get('/api/query/nearby?layer=permits&lon=-7.6186&lat=33.5925&radius=5000&limit=100', inspectorAnfa);
    const anfa = (await pool.query("SELECT geom FROM admin_areas WHERE code = '06.141.01.01'")).rowCount;
    expect(anfa).toBe(1);
    for (const feature of confined.body.features) {
      const inside = await pool.query(
        "SELECT ST_Intersects(a.geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS inside FROM admin_areas a WHERE a.code = '06.141.01.01'",
        [JSON.stringify(feature.geometry)],
      );
      expect(inside.rows[0].inside).toBe(true);
      expect(feature.properties).toHaveProperty('applicant_name');
    }
  });

  it('bounds the radius and the limit', async () => {
    expect((await get('/api/query/nearby?layer=transit_stops&lon=-7.6186&lat=33.5925&radius=50000')).status).toBe(400);
    expect((await get('/api/query/nearby?layer=transit_stops&lon=-7.6186&lat=33.5925&limit=1000')).status).toBe(400);
    const unknown = await get('/api/query/nearby?layer=cafes&lon=-7.6186&lat=33.5925');
    expect(unknown.status).toBe(400);
    expect(unknown.body.allowed).toContain('transit_stops');
    expect((await get('/api/query/nearby?layer=inspections&lon=-7.6186&lat=33.5925')).status).toBe(401);
  });
});

describe('within', () => {
  it('pages through the permits and stops of an arrondissement exactly once', async () => {
    const area = (await pool.query("SELECT id FROM admin_areas WHERE code = '06.141.01.07'")).rows[0].id;
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const { status, body } = await post('/api/query/within', { areaId: Number(area), layers: ['permits', 'transit_stops'], limit: 25, ...(cursor ? { cursor } : {}) });
      expect(status).toBe(200);
      seen.push(...body.features.map((feature: { layer: string; id: number }) => `${feature.layer}:${feature.id}`));
      if (!body.next) break;
      cursor = body.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const expected = await pool.query(
      `SELECT (SELECT count(*) FROM permits p, admin_areas a WHERE a.id = $1 AND ST_Intersects(p.geom, a.geom))
            + (SELECT count(*) FROM transit_stops s, admin_areas a WHERE a.id = $1 AND ST_Intersects(s.geom, a.geom)) AS n`,
      [area],
    );
    expect(seen.length).toBe(Number(expected.rows[0].n));
  });

  it('rejects polygons that are invalid, too large or too complex with 422', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[-7.62, 33.59], [-7.61, 33.6], [-7.61, 33.59], [-7.62, 33.6], [-7.62, 33.59]]] };
    expect((await post('/api/query/within', { geometry: bowtie, layers: ['permits'] })).body.issues[0].code).toBe('invalid-geometry');
    const huge = { type: 'Polygon', coordinates: [[[-7.84, 33.43], [-7.36, 33.43], [-7.36, 33.71], [-7.84, 33.71], [-7.84, 33.43]]] };
    const tooLarge = await post('/api/query/within', { geometry: huge, layers: ['permits'] });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.issues[0].code).toBe('polygon-too-large');
    const ring = Array.from({ length: 2_100 }, (_, i) => [-7.62 + 0.01 * Math.cos((i / 2_100) * 2 * Math.PI), 33.59 + 0.01 * Math.sin((i / 2_100) * 2 * Math.PI)]);
    const complex = await post('/api/query/within', { geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, layers: ['permits'] });
    expect(complex.status).toBe(422);
    expect(complex.body.issues[0].code).toBe('too-many-vertices');
    expect((await post('/api/query/within', { layers: ['permits'] })).status).toBe(400);
  });
});

describe('along', () => {
  it('finds the permits along the Boulevard du Golan with their position along the street, and says which street it took', async () => {
    const { status, body } = await get(`/api/query/along?street=${encodeURIComponent('Bd du Golan')}&layer=permits&distance=300`);
    expect(status).toBe(200);
    expect(body.street).toMatchObject({ name: { fr: 'Boulevard du Golan', ar: 'شارع الجولان' } });
    const segments = (await pool.query("SELECT id::int AS id FROM road_segments WHERE name_fr = 'Boulevard du Golan' ORDER BY id")).rows.map((row) => row.id);
    expect(body.street.segmentIds).toEqual(segments);
    expect(body.features.length).toBeGreaterThan(0);
    for (const feature of body.features) {
      expect(feature.along.offsetM).toBeLessThanOrEqual(300);
      expect(feature.along.fraction).toBeGreaterThanOrEqual(0);
      expect(feature.along.fraction).toBeLessThanOrEqual(1);
    }
    const byArabic = await get(`/api/query/along?street=${encodeURIComponent('شارع الجولان')}&layer=permits&distance=300`);
    expect(byArabic.body.features.map((feature: { id: number }) => feature.id).sort()).toEqual(body.features.map((feature: { id: number }) => feature.id).sort());
    expect((await get('/api/query/along?street=Rue%20Imaginaire&layer=permits')).status).toBe(404);
    expect((await get('/api/query/along?layer=permits')).status).toBe(400);
  });
});

describe('stats', () => {
  it('counts permits per arrondissement exactly as a hand count does', async () => {
    const { status, body } = await get('/api/query/stats?layer=permits&by=arrondissement', admin);
    expect(status).toBe(200);
    expect(body.areas).toHaveLength(16);
    const areas = (await pool.query("SELECT code, ST_AsGeoJSON(geom)::json AS g FROM admin_areas WHERE level = 'arrondissement'")).rows;
    const permits = (await pool.query('SELECT ST_AsGeoJSON(geom)::json AS g FROM permits')).rows;
    const handCount = new Map<string, number>(areas.map((area) => [area.code, 0]));
    for (const permit of permits) {
      const point = pointOnFeature(permit.g);
      const home = areas.find((area) => booleanPointInPolygon(point, area.g));
      if (home) handCount.set(home.code, handCount.get(home.code)! + 1);
    }
    for (const area of body.areas) expect(area.count, area.area.code).toBe(handCount.get(area.area.code));
    const total = body.areas.reduce((sum: number, area: { count: number }) => sum + area.count, 0);
    expect(total).toBeGreaterThan(300);
    const sidiBelyout = body.areas.find((area: { area: { code: string } }) => area.area.code === '06.141.01.07');
    const buckets = sidiBelyout.pending;
    const pending = await pool.query(
      `SELECT count(*) FILTER (WHERE current_date - submitted_on BETWEEN 0 AND 30)::integer AS a, count(*) FILTER (WHERE current_date - submitted_on > 90)::integer AS d
         FROM permits p, admin_areas a WHERE a.code = '06.141.01.07' AND ST_Intersects(a.geom, ST_PointOnSurface(p.geom)) AND p.status IN ('submitted', 'under_review')`,
    );
    expect([buckets.days0to30, buckets.over90]).toEqual([pending.rows[0].a, pending.rows[0].d]);
  });

  it('filters by status, kind and dates, and gives inspection scores and failing shares', async () => {
    const approved = await get('/api/query/stats?layer=permits&status=approved&kind=construction&from=2025-01-01&to=2026-12-31');
    expect(approved.status).toBe(200);
    const inspections = await get('/api/query/stats?layer=inspections&today=2026-12-07', admin);
    const withInspections = inspections.body.areas.filter((area: { count: number }) => area.count > 0);
    expect(withInspections.length).toBe(16);
    for (const area of withInspections) {
      expect(area.averageScore).toBeGreaterThan(0);
      expect(area.failingShare).toBeGreaterThanOrEqual(0);
      expect(area.failingShare).toBeLessThanOrEqual(1);
    }
    expect((await get('/api/query/stats?layer=inspections')).status).toBe(401);
    expect((await get('/api/query/stats?layer=permits&status=lost')).status).toBe(400);
    expect((await get('/api/query/stats?layer=permits&colour=red')).status).toBe(400);
  });

  it('counts each value of an enum per area with countBy (permits by status), and refuses other names', async () => {
    const { status, body } = await get('/api/query/stats?layer=permits&countBy=status&kind=construction', admin);
    expect(status).toBe(200);
    const statuses = ['submitted', 'under_review', 'approved', 'rejected', 'expired', 'revoked'];
    const hand = await pool.query(
      `SELECT a.code, p.status, count(*)::integer AS n
         FROM admin_areas a JOIN permits p ON ST_Intersects(a.geom, ST_PointOnSurface(p.geom))
        WHERE a.level = 'arrondissement' AND p.kind = 'construction' GROUP BY a.code, p.status`,
    );
    for (const area of body.areas as { area: { code: string }; count: number; counts: Record<string, number> }[]) {
      expect(Object.keys(area.counts)).toEqual(statuses);
      for (const value of statuses) {
        const row = hand.rows.find((candidate) => candidate.code === area.area.code && candidate.status === value);
        expect(area.counts[value], `${area.area.code} ${value}`).toBe(row?.n ?? 0);
      }
      expect(Object.values(area.counts).reduce((sum, n) => sum + n, 0)).toBe(area.count);
    }
    const refused = await get('/api/query/stats?layer=permits&countBy=reference', admin);
    expect(refused.status).toBe(400);
    expect(refused.body.allowed).toContain('status');
  });

  it('gives a confined inspector counts of the permits of her arrondissement only', async () => {
    const { body } = await get('/api/query/stats?layer=permits', inspectorAnfa);
    const expected = await pool.query(
      `SELECT a.code, count(p.id)::integer AS n
         FROM admin_areas a
         LEFT JOIN permits p ON ST_Intersects(a.geom, ST_PointOnSurface(p.geom))
                            AND EXISTS (SELECT 1 FROM admin_areas anfa WHERE anfa.code = '06.141.01.01' AND ST_Intersects(anfa.geom, p.geom))
        WHERE a.level = 'arrondissement' GROUP BY a.code`,
    );
    const counts = Object.fromEntries(body.areas.map((area: { area: { code: string }; count: number }) => [area.area.code, area.count]));
    expect(counts).toEqual(Object.fromEntries(expected.rows.map((row) => [row.code, row.n])));
    expect(counts['06.141.01.01']).toBeGreaterThan(0);
    const everyone = await get('/api/query/stats?layer=permits', admin);
    const total = (result: { areas: { count: number }[] }) => result.areas.reduce((sum, area) => sum + area.count, 0);
    expect(total(body)).toBeLessThan(total(everyone.body) / 4);
  });
});

describe('items filters for lists (any of several values, date intervals, numberMatched)', () => {
  it('selects permits of several statuses submitted within an interval, and says how many match in all', async () => {
    const path = '/ogc/collections/permits/items?status=submitted,under_review&submitted_on=2026-06-01/2026-09-30&limit=5';
    const { status, body } = await get(path, admin);
    expect(status).toBe(200);
    const expected = await pool.query(
      `SELECT count(*)::integer AS n FROM permits WHERE status IN ('submitted', 'under_review') AND submitted_on BETWEEN '2026-06-01' AND '2026-09-30'`,
    );
    // More match than a page holds: numberMatched counts them all, numberReturned the page.
    expect(expected.rows[0].n).toBeGreaterThan(5);
    expect(body.numberMatched).toBe(expected.rows[0].n);
    expect(body.numberReturned).toBe(5);
    for (const feature of body.features) {
      expect(['submitted', 'under_review']).toContain(feature.properties.status);
      expect(feature.properties.submitted_on >= '2026-06-01' && feature.properties.submitted_on <= '2026-09-30').toBe(true);
    }
    const next = body.links.find((link: { rel: string }) => link.rel === 'next').href as string;
    expect((await get(new URL(next).pathname + new URL(next).search, admin)).body.numberMatched).toBeUndefined();
    const openEnded = await get('/ogc/collections/permits/items?valid_until=2026-12-01/..&limit=1', admin);
    const later = await pool.query("SELECT count(*)::integer AS n FROM permits WHERE valid_until >= '2026-12-01'");
    expect(openEnded.body.numberMatched).toBe(later.rows[0].n);
  });

  it('confines the count to a confined inspector’s areas as it confines the features', async () => {
    const { body } = await get('/ogc/collections/permits/items?limit=1000', inspectorAnfa);
    expect(body.numberMatched).toBe(body.numberReturned);
    const expected = await pool.query(
      `SELECT count(*)::integer AS n FROM permits p, admin_areas a WHERE a.code = '06.141.01.01' AND ST_Intersects(a.geom, p.geom)`,
    );
    expect(body.numberMatched).toBe(expected.rows[0].n);
  });

  it('refuses malformed lists and intervals with 400', async () => {
    for (const query of ['status=approved,lost', 'submitted_on=2026-13-01/..', 'submitted_on=../..', 'submitted_on=2026-05-01/2026-04-01', 'submitted_on=a/b/c']) {
      const bad = await get(`/ogc/collections/permits/items?${query}`, admin);
      expect(bad.status, query).toBe(400);
    }
  });
});
