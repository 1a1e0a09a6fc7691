import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadShedder } from '../../server/http/load-shedder.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The load shedder in the real request listener: the test puts it in either state (its own measurement of
 * the event loop is tested in server/http/load-shedder.test.ts; `npm run bench` measures it under load).
 */
let database: ScratchDatabase;
let server: TestServer;
let ids: FixtureIds;
let admin: Record<string, string>;
const shedder = new LoadShedder({ maxDelayMs: 100, sampleMs: 3_600_000 });
const GZIP = { 'Accept-Encoding': 'gzip' };
const tileUrl = (z: number) => {
  const tile = tileForLonLat(CENTRE[0], CENTRE[1], z);
  return `/tiles/road_segments/${z}/${tile.x}/${tile.y}.mvt`;
};

function startShedding(): void {
  for (let sample = 0; sample < 3; sample += 1) shedder.update(1_000);
  expect(shedder.isShedding).toBe(true);
}

beforeAll(async () => {
  database = await createScratchDatabase();
  ids = await insertFixtureRows(database.pool);
  admin = await sessionHeaders(database.pool, 'shedding-admin', 'admin');
  server = await startTestServer(database.pool, {}, { shedder });
});

afterAll(async () => {
  shedder.close();
  await server?.close();
  await database?.drop();
});

describe('while the process sheds load', () => {
  it('refuses reads at once with a 503 problem and Retry-After, serves cached tiles, health checks and edits, and serves all again after', async () => {
    const cachedTile = tileUrl(16);
    // The cache keeps tiles once the server hears edits (its listener has connected).
    await expect.poll(async () => (await fetch(`${server.url}${cachedTile}`, { headers: GZIP })).headers.get('cache-status'), { timeout: 10_000 }).toContain('hit');
    startShedding();
    try {
      for (const path of ['/api/search?q=zerktouni', `/ogc/collections/road_segments/items/${ids.road_segments}`, tileUrl(17), '/api/layers']) {
        const refused = await fetch(`${server.url}${path}`, { headers: { ...GZIP, 'X-Request-Id': 'shed-test-1' } });
        expect(refused.status, path).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('1');
        expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(refused.headers.get('x-request-id')).toBe('shed-test-1');
        expect(await refused.json()).toMatchObject({ status: 503, type: 'unavailable', requestId: 'shed-test-1', instance: path });
      }
      const cached = await fetch(`${server.url}${cachedTile}`, { headers: GZIP });
      expect(cached.status).toBe(200);
      expect(cached.headers.get('cache-status')).toContain('hit');
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const edited = await fetch(`${server.url}/ogc/collections/road_segments/items/${ids.road_segments}`, {
        method: 'PATCH',
        headers: { ...admin, 'If-Match': '*', 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ properties: { condition: 'poor' } }),
      });
      expect(edited.status).toBe(200);
    } finally {
      shedder.update(0);
    }
    expect(shedder.isShedding).toBe(false);
    const search = await fetch(`${server.url}/api/search?q=zerktouni`);
    expect(search.status).toBe(200);
    const item = await fetch(`${server.url}/ogc/collections/road_segments/items/${ids.road_segments}`);
    expect((await item.json()).properties.condition).toBe('poor');
  });
});
