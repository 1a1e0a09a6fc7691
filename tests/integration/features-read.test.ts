import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  // Enough stops for paging, filters and the limit's clamp, whatever the order of the tests.
  await insertStops(95, 'WALK-');
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  server = await startTestServer(database.pool, { FEATURES_DEFAULT_LIMIT: '10', FEATURES_MAX_LIMIT: '50' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(path.startsWith('http') ? path : `${server.url}${path}`, { headers });
  return { response, body: response.headers.get('content-type')?.includes('json') ? await response.json() : undefined };
};

async function insertStops(count: number, prefix: string): Promise<void> {
  await database.pool.query(
    `INSERT INTO transit_stops (code, mode, name_fr, name_ar, geom)
     SELECT $1 || n, 'bus', 'Arrêt ' || n, 'موقف ' || n, ST_SetSRID(ST_MakePoint(-7.62 + n * 0.0001, 33.58), 4326)
       FROM generate_series(1, $2) AS n`,
    [prefix, count],
  );
}

describe('OGC API - Features documents', () => {
  it('has a landing page, conformance with Parts 1 and 4, OpenAPI and the collections the caller may read', async () => {
    const landing = await get('/ogc');
    expect(landing.body.links.map((link: { rel: string }) => link.rel)).toEqual(['self', 'service-desc', 'conformance', 'data']);
    const conformance = await get('/ogc/conformance');
    expect(conformance.body.conformsTo).toEqual(expect.arrayContaining([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
    ]));
    const api = await get('/ogc/api');
    expect(api.body.openapi).toBe('3.0.3');
    expect(Object.keys(api.body.paths)).toContain('/collections/road_segments/items/{featureId}');
    expect(JSON.stringify(api.body.components.schemas.Feature_permits)).not.toContain('applicant_name');
    const publicCollections = (await get('/ogc/collections')).body.collections.map((collection: { id: string }) => collection.id);
    expect(publicCollections).not.toContain('inspections');
    const adminCollections = (await get('/ogc/collections', admin)).body.collections.map((collection: { id: string }) => collection.id);
    expect(adminCollections).toContain('inspections');
    const collection = await get('/ogc/collections/permits');
    expect(collection.body).toMatchObject({ id: 'permits', itemType: 'feature', crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'] });
  });
});

describe('items', () => {
  it('serves GeoJSON without personal properties for the public, with them for an administrator', async () => {
    const publicItems = await get('/ogc/collections/permits/items');
    expect(publicItems.response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(publicItems.body.type).toBe('FeatureCollection');
    for (const feature of publicItems.body.features) {
      expect(Object.keys(feature.properties)).not.toEqual(expect.arrayContaining(['applicant_name']));
      expect(JSON.stringify(feature)).not.toMatch(/Bennani|@example\.ma/);
    }
    const adminItems = await get('/ogc/collections/permits/items', admin);
    expect(adminItems.body.features[0].properties.applicant_name).toBe('Khadija Bennani');
  });

  it('walks next links over every feature exactly once while rows are being inserted', async () => {
    const expected = Number((await database.pool.query('SELECT count(*) FROM transit_stops')).rows[0].count);
    const seen: number[] = [];
    let next: string | undefined = '/ogc/collections/transit_stops/items?limit=7';
    let pages = 0;
    while (next && pages < 100) {
      const page = await get(next);
      seen.push(...page.body.features.map((feature: { id: number }) => feature.id));
      if (pages % 3 === 0) await insertStops(2, `DURING-${pages}-`);
      next = page.body.links.find((link: { rel: string }) => link.rel === 'next')?.href;
      pages += 1;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(expected);
    const existing = (await database.pool.query("SELECT id FROM transit_stops WHERE code NOT LIKE 'DURING-%' ORDER BY id")).rows.map((row) => Number(row.id));
    expect(seen).toEqual(expect.arrayContaining(existing));
  });

  it('filters by bbox, by filterable property and by update time', async () => {
    const inBox = await get('/ogc/collections/transit_stops/items?bbox=-7.6195,33.579,-7.6185,33.581&limit=50');
    const ids = inBox.body.features.map((feature: { geometry: { coordinates: number[] } }) => feature.geometry.coordinates[0]);
    expect(ids.length).toBeGreaterThan(0);
    for (const lon of ids) expect(lon).toBeGreaterThanOrEqual(-7.6195);
    const trams = await get('/ogc/collections/transit_stops/items?mode=tram');
    expect(trams.body.features.map((feature: { properties: { code: string } }) => feature.properties.code)).toEqual(['T9-01']);
    const future = await get('/ogc/collections/transit_stops/items?datetime=2999-01-01T00:00:00Z/..');
    expect(future.body.numberReturned).toBe(0);
    const past = await get('/ogc/collections/transit_stops/items?datetime=../2999-01-01T00:00:00Z&limit=3');
    expect(past.body.numberReturned).toBe(3);
  });

  it('clamps a limit above the maximum and answers bad parameters with 400 naming them', async () => {
    expect((await get('/ogc/collections/transit_stops/items?limit=100000')).body.numberReturned).toBe(50);
    const unknown = await get('/ogc/collections/transit_stops/items?colour=red');
    expect(unknown.response.status).toBe(400);
    expect(unknown.body.allowed).toContain('mode');
    for (const query of ['bbox=1,2,3', 'bbox=10,10,0,0', 'limit=0', 'limit=abc', 'datetime=yesterday', 'mode=plane', 'cursor=x', 'asOf=now']) {
      const bad = await get(`/ogc/collections/transit_stops/items?${query}`);
      expect(bad.response.status, query).toBe(400);
      expect(bad.response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await get('/ogc/collections/transit_stops/items/abc')).response.status).toBe(404);
    expect((await get('/ogc/collections/transit_stops/items/99999999')).response.status).toBe(404);
    expect((await get('/ogc/collections/inspections/items')).response.status).toBe(401);
  });

  it('reads the layer as it was at a past instant', async () => {
    const created = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
      method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature('road_segments', 4001)),
    });
    const feature = await created.json();
    const patched = await fetch(`${server.url}/ogc/collections/road_segments/items/${feature.id}`, {
      method: 'PATCH', headers: { ...admin, 'If-Match': created.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ properties: { condition: 'critical' } }),
    });
    expect(patched.status).toBe(200);
    // The instants of the commits themselves, to the microsecond, from the server's own clock.
    const instants = await database.pool.query(
      `SELECT to_char(committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM feature_history
        WHERE layer = 'road_segments' AND feature_id = $1 ORDER BY seq`,
      [feature.id],
    );
    const [afterCreate, afterPatch] = instants.rows.map((row) => row.at as string) as [string, string];
    await fetch(`${server.url}/ogc/collections/road_segments/items/${feature.id}`, { method: 'DELETE', headers: { ...admin, 'If-Match': patched.headers.get('etag')! } });

    const find = async (asOf: string) => (await get(`/ogc/collections/road_segments/items?asOf=${encodeURIComponent(asOf)}&limit=50`)).body.features.find((candidate: { id: number }) => candidate.id === feature.id);
    expect((await find(afterCreate)).properties.condition).toBe('good');
    expect((await find(afterPatch)).properties.condition).toBe('critical');
    expect(await find(new Date().toISOString())).toBeUndefined();
    expect(await find('2000-01-01T00:00:00Z')).toBeUndefined();
    const fixtureRoad = (await get(`/ogc/collections/road_segments/items?asOf=${encodeURIComponent(afterCreate)}&limit=50`)).body.features.find((candidate: { properties: { name_fr: string } }) => candidate.properties.name_fr === 'Boulevard Zerktouni');
    expect(fixtureRoad).toBeDefined();
  });
});
