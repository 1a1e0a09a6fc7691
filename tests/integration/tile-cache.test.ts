import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerView } from '../../server/auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { notifyTileChange } from '../../server/tiles/tile-invalidation.ts';
import { TileService, type TileServiceSettings } from '../../server/tiles/tile-service.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

const registry = new LayerRegistry();
const roads = registry.find('road_segments')!;
const publicRoads = layerView(PUBLIC_PRINCIPAL, roads, registry);
const SETTINGS: TileServiceSettings = {
  cacheMaxBytes: 16 * 1024 * 1024, poolSize: 2, statementTimeoutMs: 5_000, queueMax: 16, retryAfterSeconds: 1, isPrepared: true,
};

let database: ScratchDatabase;
let ids: FixtureIds;
let server: TestServer;
let admin: Record<string, string>;
const services: TileService[] = [];

beforeAll(async () => {
  database = await createScratchDatabase();
  ids = await insertFixtureRows(database.pool);
  admin = await sessionHeaders(database.pool, 'cache-admin', 'admin');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  for (const service of services) await service.close();
  await database?.drop();
});

/** A tile service of its own (as a second server process would have), listening before it returns. */
async function startService(settings: Partial<TileServiceSettings> = {}): Promise<TileService> {
  const service = new TileService(database.pool, registry, { ...SETTINGS, ...settings });
  services.push(service);
  await service.getTile(roads, publicRoads, tileForLonLat(-7.2, 33.9, 16));
  await expect.poll(() => service.isListening, { timeout: 10_000 }).toBe(true);
  return service;
}

/** Changes the fixture road's condition and announces it, in one transaction, as an edit does. */
async function editRoad(condition: string): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const row = await client.query<{ bbox: number[] }>(
      `UPDATE road_segments SET condition = $2 WHERE id = $1
       RETURNING ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)] AS bbox`,
      [ids.road_segments, condition],
    );
    await notifyTileChange(client, { layer: 'road_segments', bboxes: [row.rows[0]!.bbox as [number, number, number, number]] });
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const conditionIn = (gzipped: Buffer, tile: { z: number; x: number; y: number }) =>
  decodeTile(new Uint8Array(gunzipSync(gzipped)), tile).road_segments?.find((feature) => feature.id === ids.road_segments)
    ?.properties.condition;

describe('the tile endpoint with its cache', () => {
  const tile = tileForLonLat(CENTRE[0], CENTRE[1], 15);
  const url = () => `${server.url}/tiles/road_segments/${tile.z}/${tile.x}/${tile.y}.mvt`;

  it('stores a tile once the listener runs, then answers from memory with the same strong ETag and 304', async () => {
    await fetch(url());
    await expect.poll(async () => (await fetch(url())).headers.get('cache-status'), { timeout: 10_000 }).toBe('casa-sig; hit');
    const hit = await fetch(url(), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(hit.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(hit.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=300');
    const notModified = await fetch(url(), { headers: { 'If-None-Match': hit.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-status')).toBe('casa-sig; hit');
  });

  it('never hands a staff tile to the public or the reverse', async () => {
    const permitTile = tileForLonLat(CENTRE[0], CENTRE[1], 16);
    const permitUrl = `${server.url}/tiles/permits/${permitTile.z}/${permitTile.x}/${permitTile.y}.mvt`;
    for (let round = 0; round < 2; round += 1) {
      const staff = await fetch(permitUrl, { headers: admin });
      const staffPermits = decodeTile(new Uint8Array(await staff.arrayBuffer()), permitTile).permits!;
      expect(staffPermits.find((permit) => permit.id === ids.permits)!.properties).toHaveProperty('applicant_name', 'Khadija Bennani');
      expect(staff.headers.get('cache-control')).toBe('private, no-cache');
      const publicResponse = await fetch(permitUrl);
      expect(Buffer.from(await publicResponse.arrayBuffer()).toString('latin1')).not.toContain('Khadija');
      expect(publicResponse.headers.get('etag')).not.toBe(staff.headers.get('etag'));
    }
  });

  it('serves the edit at once after the commit is announced, with a new ETag', async () => {
    const before = await fetch(url());
    const etag = before.headers.get('etag');
    await editRoad('critical');
    await expect.poll(async () => (await fetch(url())).headers.get('etag'), { timeout: 10_000 }).not.toBe(etag);
    const after = await fetch(url(), { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    const features = decodeTile(new Uint8Array(await after.arrayBuffer()), tile).road_segments!;
    expect(features.find((feature) => feature.id === ids.road_segments)!.properties.condition).toBe('critical');
    await editRoad('fair');
  });
});

describe('TileService', () => {
  it('drops the changed tiles at every zoom on every instance, and keeps the others', async () => {
    const [first, second] = [await startService(), await startService()];
    const near = [10, 13, 14, 18].map((z) => tileForLonLat(CENTRE[0], CENTRE[1], z));
    const far = tileForLonLat(CENTRE[0] + 0.05, CENTRE[1], 16);
    for (const service of [first, second]) {
      for (const tile of [...near, far]) await service.getTile(roads, publicRoads, tile);
      for (const tile of [...near, far]) expect((await service.getTile(roads, publicRoads, tile)).outcome).toBe('hit');
    }
    await editRoad('poor');
    for (const service of [first, second]) {
      await expect.poll(() => service.cache.get({ layer: roads.id, ...near[3]!, visibilityClass: publicRoads.visibilityClass }), { timeout: 10_000 }).toBeUndefined();
      for (const tile of near) expect(service.cache.get({ layer: roads.id, ...tile, visibilityClass: publicRoads.visibilityClass })).toBeUndefined();
      expect((await service.getTile(roads, publicRoads, far)).outcome).toBe('hit');
      const fresh = await service.getTile(roads, publicRoads, near[2]!);
      expect(fresh.outcome).toBe('stored');
      expect(conditionIn(fresh.tile.gzipped, near[2]!)).toBe('poor');
    }
    await editRoad('fair');
  });

  it('runs one query for concurrent requests of the same cold tile', async () => {
    const service = await startService();
    const tile = tileForLonLat(CENTRE[0], CENTRE[1], 17);
    const results = await Promise.all(Array.from({ length: 8 }, () => service.getTile(roads, publicRoads, tile)));
    expect(results.map((result) => result.outcome).sort()).toEqual([...Array(7).fill('collapsed'), 'stored']);
    expect(new Set(results.map((result) => result.tile))).toHaveProperty('size', 1);
  });

  it('does not cache a render that an edit overtook', async () => {
    const service = await startService();
    const tile = tileForLonLat(CENTRE[0], CENTRE[1], 19);
    const locker = await database.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE road_segments IN ACCESS EXCLUSIVE MODE');
      const rendering = service.getTile(roads, publicRoads, tile);
      await expect.poll(() => waitingTileQueries(), { timeout: 10_000 }).toBeGreaterThan(0);
      service.invalidate({ layer: 'road_segments', bboxes: [[CENTRE[0], CENTRE[1], CENTRE[0], CENTRE[1]]] });
      await locker.query('COMMIT');
      expect((await rendering).outcome).toBe('not-stored');
      expect((await service.getTile(roads, publicRoads, tile)).outcome).toBe('stored');
    } finally {
      locker.release();
    }
  });

  it('forgets everything when its listener connection drops, and hears edits again once reconnected', async () => {
    const service = await startService();
    const tile = tileForLonLat(CENTRE[0], CENTRE[1], 16);
    await service.getTile(roads, publicRoads, tile);
    expect(service.cache.size).toBeGreaterThan(0);
    await database.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'casa-sig-tile-listener' AND datname = current_database()",
    );
    await expect.poll(() => service.cache.size, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => service.isListening, { timeout: 10_000 }).toBe(true);
    expect((await service.getTile(roads, publicRoads, tile)).outcome).toBe('stored');
    await editRoad('good');
    await expect.poll(() => service.cache.size, { timeout: 10_000 }).toBe(0);
    await editRoad('fair');
  });
});

describe('a slow tile', () => {
  const roadTile = (dx: number) => tileForLonLat(CENTRE[0] + dx * 0.01, CENTRE[1], 16);
  const roadUrl = (base: string, dx: number) => {
    const tile = roadTile(dx);
    return `${base}/tiles/road_segments/${tile.z}/${tile.x}/${tile.y}.mvt`;
  };

  it('holds one connection while other layers render; past the queue, 503 with Retry-After', async () => {
    const busy = await startTestServer(database.pool, { TILE_POOL_MAX: '2', TILE_QUEUE_MAX: '1', TILE_CACHE_MAX_BYTES: '0' });
    const locker = await database.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE road_segments IN ACCESS EXCLUSIVE MODE');
      const slow = [fetch(roadUrl(busy.url, 0))];
      await expect.poll(() => waitingTileQueries(), { timeout: 10_000 }).toBe(1);
      const permitTile = tileForLonLat(CENTRE[0], CENTRE[1], 16);
      const permits = await fetch(`${busy.url}/tiles/permits/${permitTile.z}/${permitTile.x}/${permitTile.y}.mvt`);
      expect(permits.status).toBe(200);

      slow.push(fetch(roadUrl(busy.url, 1)));
      await expect.poll(() => waitingTileQueries(), { timeout: 10_000 }).toBe(2);
      // Both connections are held: of the next two tiles one waits in the queue, the other is refused at once.
      const [third, fourth] = [fetch(roadUrl(busy.url, 2)), fetch(roadUrl(busy.url, 3))];
      const refused = await Promise.race([third, fourth]);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await refused.json()).toMatchObject({ status: 503, type: 'unavailable' });

      await locker.query('COMMIT');
      const statuses = (await Promise.all([...slow, third, fourth])).map((response) => response.status).sort();
      expect(statuses).toEqual([200, 204, 204, 503]);
    } finally {
      locker.release();
      await busy.close();
    }
  });

  it('is cancelled at the tile statement timeout and answered 503 with Retry-After', async () => {
    const strict = await startTestServer(database.pool, { TILE_STATEMENT_TIMEOUT_MS: '300', TILE_CACHE_MAX_BYTES: '0' });
    const locker = await database.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE road_segments IN ACCESS EXCLUSIVE MODE');
      const response = await fetch(roadUrl(strict.url, 0));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      const problem = await response.json();
      expect(problem.type).toBe('unavailable');
      expect(JSON.stringify(problem)).not.toMatch(/statement|cancel/i);
    } finally {
      await locker.query('COMMIT');
      locker.release();
      await strict.close();
    }
  });
});

async function waitingTileQueries(): Promise<number> {
  const result = await database.pool.query<{ count: number }>(
    "SELECT count(*)::integer AS count FROM pg_stat_activity WHERE application_name = 'casa-sig-tiles' AND wait_event_type = 'Lock' AND datname = current_database()",
  );
  return result.rows[0]!.count;
}
