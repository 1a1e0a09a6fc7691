import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSM_ROAD_IMPORT } from '../../data/sample/osm-data.ts';
import { importFile } from '../../server/import/import-file.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { COMMUNE_IMPORT, REAL_COMMUNES, REAL_ROADS_GEOJSON, SHARED_DATA_DIR } from '../helpers/shared-data.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Casablanca's real roads and communes imported as README's "Load your own data" does, then asked for as
 * people and the city's software do: search and along by street name in French and Arabic, locate, the
 * region the data spans, and a whole layer copied by GDAL's OGC API - Features client.
 */
const isPresent = [REAL_ROADS_GEOJSON, REAL_COMMUNES].every((file) => existsSync(file));
if (!isPresent) console.warn(`skipping the queries on the real Casablanca files: ${SHARED_DATA_DIR} is absent or incomplete`);
const OGR2OGR = '/usr/bin/ogr2ogr';
if (isPresent && !existsSync(OGR2OGR)) console.warn('skipping the GDAL copy: gdal-bin is not installed (npm test installs it)');

interface Commune {
  properties: { hcp_code: string | null; kind: string };
  geometry: unknown;
}

const registry = new LayerRegistry();
let database: ScratchDatabase;
let server: TestServer;
let workDir: string;

beforeAll(async () => {
  if (!isPresent) return;
  database = await createScratchDatabase();
  for (const [layer, file, options] of [['admin_areas', REAL_COMMUNES, COMMUNE_IMPORT], ['road_segments', REAL_ROADS_GEOJSON, OSM_ROAD_IMPORT]] as const) {
    const report = await importFile(database.pool, registry, layer, file, options);
    if (report.status !== 'imported') throw new Error(`${file} did not import: ${JSON.stringify(report.issues.slice(0, 3))}`);
  }
  server = await startTestServer(database.pool);
  workDir = mkdtempSync(join(tmpdir(), 'casa-sig-gdal-'));
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: await response.json() };
}

describe.skipIf(!isPresent)('the real streets', () => {
  it.each([
    ['zerktouni', 'Boulevard Mohamed Zerktouni', null],
    ['Bd Zerktouni', 'Boulevard Mohamed Zerktouni', null],
    ['شارع الجولان', 'Boulevard du Golan', 'شارع الجولان'],
    ['الجولان', 'Boulevard du Golan', 'شارع الجولان'],
    ['golan', 'Boulevard du Golan', 'شارع الجولان'],
    ['القدس', 'Boulevard Al Qods', 'شارع القدس'],
    ['Av Al Qods', 'Boulevard Al Qods', 'شارع القدس'],
  ])('a search for "%s" finds %s first, as one street with its whole extent', async (q, fr, ar) => {
    const { status, body } = await get(`/api/search?${new URLSearchParams({ q, layers: 'road_segments' })}`);
    expect(status).toBe(200);
    const [first] = body.results;
    expect(first).toMatchObject({ kind: 'street', name: { fr, ar } });
    expect(first.length_m).toBeGreaterThan(5_000);
    expect(first.segment_ids.length).toBeGreaterThan(20);
    expect(first.bbox[2] - first.bbox[0] + first.bbox[3] - first.bbox[1]).toBeGreaterThan(0.03);
  });

  it('along takes the same street match and says which street it chose', async () => {
    const { status, body } = await get(`/api/query/along?street=${encodeURIComponent('Bd Zerktouni')}&layer=road_segments&distance=10&limit=5`);
    expect(status).toBe(200);
    expect(body.street).toMatchObject({ name: { fr: 'Boulevard Mohamed Zerktouni' } });
    expect(body.street.lengthM).toBeGreaterThan(7_000);
    expect(body.features.length).toBeGreaterThan(0);
    expect((await get('/api/query/along?street=Rue%20Imaginaire%20Inexistante&layer=road_segments')).status).toBe(404);
  });
});

describe.skipIf(!isPresent)('the real admin areas', () => {
  it('locate names the right arrondissement or commune and préfecture for an inner point of each real polygon', async () => {
    const communes = (JSON.parse(readFileSync(REAL_COMMUNES, 'utf8')).features as Commune[]).filter((feature) => feature.properties.hcp_code);
    const points = (await database.pool.query<{ code: string; lon: number; lat: number }>(
      `SELECT r.code, ST_X(p) AS lon, ST_Y(p) AS lat
         FROM json_to_recordset($1::json) AS r(code text, geometry json)
        CROSS JOIN LATERAL (SELECT ST_PointOnSurface(ST_GeomFromGeoJSON(r.geometry::text)) AS p) AS inner_point`,
      [JSON.stringify(communes.map((feature) => ({ code: feature.properties.hcp_code, geometry: feature.geometry })))],
    )).rows;
    expect(points).toHaveLength(33);
    for (const point of points) {
      const { status, body } = await get(`/api/query/locate?lon=${point.lon}&lat=${point.lat}`);
      expect(status, point.code).toBe(200);
      expect((body.arrondissement ?? body.commune)?.code, point.code).toBe(point.code);
      expect(body.prefecture?.code, point.code).toBe(point.code.slice(0, 6));
    }
  });

  it('set the region and every extent the API publishes from the data, and open the map on the city', async () => {
    const { body: catalog } = await get('/api/layers');
    const [extent] = (await database.pool.query<{ box: number[]; city: number[] }>(`
      SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS box, ARRAY[ST_XMin(c), ST_YMin(c), ST_XMax(c), ST_YMax(c)] AS city
        FROM (SELECT ST_Extent(geom) AS e, ST_Extent(geom) FILTER (WHERE level = 'arrondissement') AS c FROM admin_areas) AS x`)).rows;
    // The region: the areas of Grand Casablanca and a margin, wider than the constant it replaces.
    expect(catalog.bounds[0]).toBeLessThan(extent!.box[0]!);
    expect(catalog.bounds[3]).toBeGreaterThan(extent!.box[3]!);
    expect(catalog.bounds[0]).toBeLessThan(-7.85);
    expect(catalog.home).toEqual(extent!.city);
    // A point of Mohammedia, outside the old fixed box, is now in the region.
    expect((await get('/api/query/locate?lon=-7.3832&lat=33.6861')).status).toBe(200);
    const { body: collection } = await get('/ogc/collections/road_segments');
    const [roads] = (await database.pool.query<{ box: number[] }>('SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS box FROM (SELECT ST_Extent(geom) AS e FROM road_segments) AS x')).rows;
    expect(collection.extent.spatial.bbox[0]).toEqual(roads!.box);
    const { body: tilejson } = await get('/tiles/road_segments.json');
    expect(tilejson.bounds).toEqual(catalog.bounds);
  });
});

describe.skipIf(!isPresent || !existsSync(OGR2OGR))("GDAL's OGC API - Features client", () => {
  it('copies the whole road layer with the right count and ids, in the pages the API declares', async () => {
    const { body: api } = await get('/ogc/api');
    const pageSize = api.components.parameters.limit.schema.maximum as number;
    expect(api.paths['/collections/road_segments/items'].get.parameters[0]).toEqual({ $ref: '#/components/parameters/limit' });
    const { body: first } = await get('/ogc/collections/road_segments/items?limit=1');
    expect(first.numberMatched).toBe(14_273);
    const out = join(workDir, 'roads.geojson');
    // Debian's GDAL 3.6 does not read the API's limit yet (3.8 does, through the $ref): it is given the same.
    // Asynchronously: the server answering GDAL runs in this very process.
    await promisify(execFile)(OGR2OGR, ['-f', 'GeoJSON', out, `OAPIF:${server.url}/ogc`, 'road_segments', '-oo', `PAGE_SIZE=${pageSize}`, '-preserve_fid'], { timeout: 120_000 });
    const copied = JSON.parse(readFileSync(out, 'utf8')) as { features: { id: number; properties: { name_ar: string | null } }[] };
    const ids = (await database.pool.query<{ id: number }>('SELECT id::int AS id FROM road_segments ORDER BY id')).rows.map((row) => row.id);
    expect(copied.features.map((feature) => feature.id).sort((a, b) => a - b)).toEqual(ids);
    expect(copied.features.filter((feature) => feature.properties.name_ar === 'شارع الجولان')).toHaveLength(34);
  });

  it('sends back what it read unchanged, accepted; a changed read-only value is refused', async () => {
    const headers = { ...(await sessionHeaders(database.pool, 'gdal-admin', 'admin')), 'Content-Type': 'application/geo+json' };
    const id = (await database.pool.query<{ id: number }>("SELECT id::int AS id FROM road_segments WHERE name_fr = 'Boulevard du Golan' ORDER BY id LIMIT 1")).rows[0]!.id;
    const read = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, { headers });
    const feature = await read.json();
    const etag = read.headers.get('etag')!;
    // GDAL writes instants its own way ("2026/12/07 05:18:12.192+00"): the same instant is accepted.
    const gdalInstant = String(feature.properties.created_at).replace(/^(\d{4})-(\d{2})-(\d{2})T(.*)Z$/, '$1/$2/$3 $4+00');
    const put = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, {
      method: 'PUT', headers: { ...headers, 'If-Match': etag }, body: JSON.stringify({ ...feature, properties: { ...feature.properties, created_at: gdalInstant, condition: 'fair' } }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const saved = await put.json();
    expect(saved.properties.condition).toBe('fair');
    const changed = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, {
      method: 'PUT', headers: { ...headers, 'If-Match': put.headers.get('etag')! }, body: JSON.stringify({ ...saved, properties: { ...saved.properties, created_at: '2001-01-01T00:00:00Z' } }),
    });
    expect(changed.status).toBe(422);
    expect((await changed.json()).issues).toMatchObject([{ pointer: '/properties/created_at', code: 'read-only-property' }]);
  });
});
