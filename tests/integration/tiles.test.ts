import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerView } from '../../server/auth/policy.ts';
import type { UserPrincipal } from '../../server/auth/principal.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { renderTile } from '../../server/tiles/tile-renderer.ts';
import { gunzipSync } from 'node:zlib';
import { decodeTile } from '../helpers/decode-tile.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

const registry = new LayerRegistry();
const centreTile = tileForLonLat(CENTRE[0], CENTRE[1], 14);
let database: ScratchDatabase;
let server: TestServer;
let ids: FixtureIds;

beforeAll(async () => {
  database = await createScratchDatabase();
  ids = await insertFixtureRows(database.pool);
  server = await startTestServer(database.pool);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const publicLayerIds = registry.layers.filter((layer) => layer.access.read.includes('public')).map((layer) => layer.id);
const tileUrl = (layer: string, tile = centreTile) => `${server.url}/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt`;

describe('GET /tiles/{layer}/{z}/{x}/{y}.mvt for the public', () => {
  const publicLayers = registry.layers.filter((layer) => layer.access.read.includes('public'));

  it.each(publicLayers.map((layer) => [layer.id, layer] as const))('%s: the fixture row with its public properties', async (id, layer) => {
    const response = await fetch(tileUrl(id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.headers.get('cache-control')).toContain('public');
    const features = decodeTile(new Uint8Array(await response.arrayBuffer()), centreTile)[id] ?? [];
    const feature = features.find((candidate) => candidate.id === ids[id as keyof FixtureIds]);
    expect(feature, `row ${ids[id as keyof FixtureIds]} in ${id}`).toBeDefined();
    const expectedNames = Object.entries(layer.properties)
      .filter(([, property]) => property.inTiles && !property.personal)
      .map(([name]) => name);
    const personalNames = Object.entries(layer.properties).filter(([, property]) => property.personal).map(([name]) => name);
    for (const candidate of features) {
      for (const name of personalNames) expect(candidate.properties).not.toHaveProperty(name);
      for (const name of Object.keys(candidate.properties)) expect(expectedNames).toContain(name);
    }
  });

  it('carries readable values: names in both languages, enums, booleans, comma-joined lists', async () => {
    const roads = decodeTile(new Uint8Array(await (await fetch(tileUrl('road_segments'))).arrayBuffer()), centreTile).road_segments!;
    expect(roads.find((feature) => feature.id === ids.road_segments)!.properties).toEqual({
      name_fr: 'Boulevard Zerktouni', name_ar: 'شارع الزرقطوني', road_class: 'primary', condition: 'fair', is_one_way: false,
    });
    const stops = decodeTile(new Uint8Array(await (await fetch(tileUrl('transit_stops'))).arrayBuffer()), centreTile).transit_stops!;
    expect(stops.find((feature) => feature.id === ids.transit_stops)!.properties).toMatchObject({ line_codes: 'T9', mode: 'tram' });
    const permits = decodeTile(new Uint8Array(await (await fetch(tileUrl('permits'))).arrayBuffer()), centreTile).permits!;
    expect(permits.find((feature) => feature.id === ids.permits)!.properties).toEqual({
      reference: 'PC-2026-90001', kind: 'construction', status: 'under_review', submitted_on: '2026-03-02',
    });
  });

  it('places the geometry where it is stored', async () => {
    const stops = decodeTile(new Uint8Array(await (await fetch(tileUrl('transit_stops'))).arrayBuffer()), centreTile).transit_stops!;
    const stop = stops.find((feature) => feature.id === ids.transit_stops)!;
    expect(stop.geometry.type).toBe('Point');
    const [lon, lat] = (stop.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(lon).toBeCloseTo(CENTRE[0] + 0.001, 4);
    expect(lat).toBeCloseTo(CENTRE[1], 4);
  });

  it('answers 304 to a matching If-None-Match and sends gzip only to clients that accept it', async () => {
    const first = await fetch(tileUrl('road_segments'));
    const etag = first.headers.get('etag')!;
    const again = await fetch(tileUrl('road_segments'), { headers: { 'If-None-Match': `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const gzipped = await fetch(tileUrl('road_segments'), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers 204 with no body for an empty tile', async () => {
    const farAway = tileForLonLat(-7.2, 33.9, 14);
    const response = await fetch(tileUrl('road_segments', farAway));
    expect(response.status).toBe(204);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('keeps staff-only layers from the public', async () => {
    const response = await fetch(tileUrl('inspections'));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.text()).not.toContain('Samira');
  });
});

describe('renderTile for staff roles', () => {
  const inspector: UserPrincipal = { kind: 'user', role: 'inspector', userId: 1, username: 'samira', sessionId: 1, areaIds: [] };

  it('gives inspectors the inspection at its establishment, with the personal properties they may see', async () => {
    const inspections = registry.find('inspections')!;
    const rendered = await renderTile(database.pool, inspections, layerView(inspector, inspections, registry), centreTile);
    const features = decodeTile(gunzipSync(rendered.gzipped), centreTile).inspections!;
    const feature = features.find((candidate) => candidate.id === ids.inspections)!;
    expect(feature.properties).toMatchObject({ grade: 'B', score: 72, outcome: 'minor_violations', inspected_on: '2026-10-12' });
    expect(feature.properties).toHaveProperty('inspector_name', 'Samira Alaoui');
    const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(lon).toBeCloseTo(CENTRE[0], 4);
    expect(lat).toBeCloseTo(CENTRE[1] + 0.0005, 4);
  });

  it('gives equal content the same ETag and changed content a new one', async () => {
    const roads = registry.find('road_segments')!;
    const view = layerView({ kind: 'public', role: 'public' }, roads, registry);
    const before = await renderTile(database.pool, roads, view, centreTile);
    expect((await renderTile(database.pool, roads, view, centreTile)).etag).toBe(before.etag);
    await database.pool.query("UPDATE road_segments SET condition = 'poor' WHERE id = $1", [ids.road_segments]);
    const after = await renderTile(database.pool, roads, view, centreTile);
    expect(after.etag).not.toBe(before.etag);
    await database.pool.query("UPDATE road_segments SET condition = 'fair' WHERE id = $1", [ids.road_segments]);
  });
});

describe('bad tile requests', () => {
  it.each([
    ['/tiles/road_segments/23/0/0.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/-1/0/0.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/14/16384/0.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/14/0/16384.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/14/1.5/0.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/a/0/0.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/14/0/1e3.mvt', 400, 'invalid-tile-coordinates'],
    ['/tiles/road_segments/5/0/0.mvt', 404, 'zoom-out-of-range'],
    ['/tiles/no_such_layer/1/0/0.mvt', 404, 'layer-not-found'],
    ['/tiles/no_such_layer.json', 404, 'layer-not-found'],
    ["/tiles/road_segments'%3B--/1/0/0.mvt", 404, 'layer-not-found'],
    ['/tiles/road_segments/14/0/0.png', 404, 'not-found'],
  ])('%s -> %i %s as problem+json', async (path, status, type) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ status, type, instance: expect.any(String), requestId: expect.any(String) });
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
    if (type === 'layer-not-found') expect(problem.layers).toEqual(publicLayerIds);
  });
});

describe('GET /tiles/{layer}.json', () => {
  it('is TileJSON 3.0.0 with absolute tile URLs, zooms and the public fields only', async () => {
    const response = await fetch(`${server.url}/tiles/permits.json`);
    expect(response.status).toBe(200);
    const tileJson = await response.json();
    expect(tileJson).toMatchObject({
      tilejson: '3.0.0',
      scheme: 'xyz',
      tiles: [`${server.url}/tiles/permits/{z}/{x}/{y}.mvt`],
      minzoom: 11,
      maxzoom: 22,
    });
    expect(tileJson.bounds).toHaveLength(4);
    expect(tileJson.vector_layers[0].id).toBe('permits');
    expect(Object.keys(tileJson.vector_layers[0].fields)).not.toContain('applicant_name');
  });
});
