import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let feedKey: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  const key = await createApiKey(database.pool, new LayerRegistry(), { module: 'crm', scopes: ['changes:read', 'road_segments:read', 'permits:read'] });
  feedKey = { Authorization: `Bearer ${key.key}` };
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const post = (path: string, body: unknown, headers = admin) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function historyCount(): Promise<number> {
  return Number((await database.pool.query('SELECT count(*) FROM feature_history')).rows[0].count);
}

async function createRoad(seed: number) {
  const response = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
    method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature('road_segments', seed)),
  });
  return { feature: await response.json(), etag: response.headers.get('etag')! };
}

describe('POST /api/changes', () => {
  it('splits a road in two (one update, one create) atomically and maps temporary ids', async () => {
    const { feature, etag } = await createRoad(1);
    const [start, end] = feature.geometry.coordinates;
    const middle = [(start[0] + end[0]) / 2, (start[1] + end[1]) / 2];
    const response = await post('/api/changes', {
      reason: 'Découpage au carrefour',
      changes: [
        { op: 'update', layer: 'road_segments', id: feature.id, ifMatch: etag, patch: { geometry: { type: 'LineString', coordinates: [start, middle] } } },
        { op: 'create', layer: 'road_segments', tempId: 'second-half', feature: { ...validFeature('road_segments', 2), geometry: { type: 'LineString', coordinates: [middle, end] } } },
      ],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = await response.json();
    expect(body.ids['second-half']).toBeGreaterThan(feature.id);
    expect(body.changes.map((change: { op: string; version: number }) => [change.op, change.version])).toEqual([['update', 2], ['create', 1]]);
    const reasons = await database.pool.query('SELECT DISTINCT reason FROM feature_history WHERE feature_id = ANY($1)', [[feature.id, body.ids['second-half']]]);
    expect(reasons.rows.map((row) => row.reason)).toContain('Découpage au carrefour');
  });

  it('leaves no trace when the last change is invalid, and says which one failed', async () => {
    const { feature, etag } = await createRoad(3);
    const rowsBefore = Number((await database.pool.query('SELECT count(*) FROM road_segments')).rows[0].count);
    const historyBefore = await historyCount();
    const response = await post('/api/changes', {
      changes: [
        { op: 'update', layer: 'road_segments', id: feature.id, ifMatch: etag, patch: { properties: { condition: 'poor' } } },
        { op: 'create', layer: 'road_segments', feature: validFeature('road_segments', 4) },
        { op: 'create', layer: 'road_segments', feature: { ...validFeature('road_segments', 5), properties: { road_class: 'runway' } } },
      ],
    });
    expect(response.status).toBe(422);
    expect((await response.json()).issues[0].pointer).toBe('/changes/2/properties/road_class');
    expect(Number((await database.pool.query('SELECT count(*) FROM road_segments')).rows[0].count)).toBe(rowsBefore);
    expect(await historyCount()).toBe(historyBefore);
    expect((await database.pool.query('SELECT condition FROM road_segments WHERE id = $1', [feature.id])).rows[0].condition).toBe('good');
  });

  it('rolls back everything when a later change has a stale If-Match', async () => {
    const first = await createRoad(6);
    const second = await createRoad(7);
    const historyBefore = await historyCount();
    const response = await post('/api/changes', {
      changes: [
        { op: 'delete', layer: 'road_segments', id: first.feature.id, ifMatch: first.etag },
        { op: 'update', layer: 'road_segments', id: second.feature.id, ifMatch: '"v7.AAAAAAAA"', patch: { properties: { condition: 'poor' } } },
      ],
    });
    expect(response.status).toBe(412);
    expect((await response.json()).changeIndex).toBe(1);
    expect((await database.pool.query('SELECT count(*) FROM road_segments WHERE id = $1', [first.feature.id])).rows[0].count).toBe(1);
    expect(await historyCount()).toBe(historyBefore);
  });

  it('rejects a malformed change set with 400 and a missing If-Match with 428', async () => {
    expect((await post('/api/changes', { changes: [] })).status).toBe(400);
    expect((await post('/api/changes', { changes: [{ op: 'rename', layer: 'road_segments' }] })).status).toBe(400);
    const { feature } = await createRoad(8);
    const missing = await post('/api/changes', { changes: [{ op: 'delete', layer: 'road_segments', id: feature.id }] });
    expect(missing.status).toBe(428);
  });
});

describe('GET /api/changes', () => {
  it('returns committed changes in commit order, never twice, across pages, with personal data filtered', async () => {
    // Changes on every kind of layer first: a permit (personal applicant) and an inspection (a layer the
    // key may not read), so that both filters have something to filter.
    const createItem = async (layer: string, body: unknown) => {
      const response = await fetch(`${server.url}/ogc/collections/${layer}/items`, {
        method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return response.json();
    };
    const permit = await createItem('permits', validFeature('permits', 40));
    const place = await createItem('establishments', validFeature('establishments', 41));
    await createItem('inspections', validFeature('inspections', 42, place.id));
    await createRoad(43);
    const layersInHistory = (await database.pool.query('SELECT DISTINCT layer FROM feature_history')).rows.map((row) => row.layer);
    expect(layersInHistory).toEqual(expect.arrayContaining(['road_segments', 'permits', 'establishments', 'inspections']));

    const seen: string[] = [];
    const feedPermits: { properties: Record<string, unknown> }[] = [];
    let since: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const response = await fetch(`${server.url}/api/changes?limit=3${since ? `&since=${since}` : ''}`, { headers: feedKey });
      expect(response.status).toBe(200);
      const body = await response.json();
      seen.push(...body.changes.map((change: { cursor: string }) => change.cursor));
      for (const change of body.changes) {
        expect(['road_segments', 'permits']).toContain(change.layer);
        if (change.feature && change.layer === 'permits') feedPermits.push(change.feature);
      }
      if (body.next === since) break;
      since = body.next;
    }
    const all = (await database.pool.query("SELECT seq FROM feature_history WHERE layer IN ('road_segments', 'permits') ORDER BY seq")).rows.map((row) => String(row.seq));
    expect(seen).toEqual(all);
    expect(feedPermits.map((feature) => feature.properties.reference)).toContain(permit.properties.reference);
    for (const feature of feedPermits) {
      expect(feature.properties).not.toHaveProperty('applicant_name');
      expect(feature.properties).not.toHaveProperty('applicant_phone');
    }

    const { feature } = await createRoad(9);
    const after = await (await fetch(`${server.url}/api/changes?since=${since}`, { headers: feedKey })).json();
    expect(after.changes.map((change: { id: number; operation: string }) => [change.id, change.operation])).toEqual([[feature.id, 'create']]);
  });

  it('is closed to the public and to keys without the scope', async () => {
    expect((await fetch(`${server.url}/api/changes`)).status).toBe(401);
    const key = await createApiKey(database.pool, new LayerRegistry(), { module: 'tax', scopes: ['road_segments:read'] });
    expect((await fetch(`${server.url}/api/changes`, { headers: { Authorization: `Bearer ${key.key}` } })).status).toBe(403);
  });
});

describe('fresh tiles after an edit', () => {
  it('shows the edit in the next tile with a new ETag, from this server and from a second server process', async () => {
    const other: ServerProcess = await startServerProcess(database.url);
    try {
      const { feature, etag } = await createRoad(20);
      const [lon, lat] = feature.geometry.coordinates[0];
      const tile = tileForLonLat(lon, lat, 16);
      const tilePath = `/tiles/road_segments/${tile.z}/${tile.x}/${tile.y}.mvt`;
      const read = async (base: string) => {
        const response = await fetch(`${base}${tilePath}`);
        const features = decodeTile(new Uint8Array(await response.arrayBuffer()), tile).road_segments ?? [];
        return {
          etag: response.headers.get('etag'),
          cacheStatus: response.headers.get('cache-status') ?? '',
          condition: features.find((candidate) => candidate.id === feature.id)?.properties.condition,
        };
      };
      // Both processes must hold the tile in their caches before the edit, or a fresh render would pass
      // without any invalidation. A process caches nothing until its tile-changes listener is connected,
      // so a cache hit on both also shows that both listen.
      const readUntilCached = async (base: string) => {
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const result = await read(base);
          if (result.cacheStatus.includes('hit')) return result;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`${base} never served ${tilePath} from its cache`);
      };
      const before = [await readUntilCached(server.url), await readUntilCached(other.url)];
      expect(before.map((result) => result.condition)).toEqual(['good', 'good']);

      const patched = await fetch(`${other.url}/ogc/collections/road_segments/items/${feature.id}`, {
        method: 'PATCH', headers: { ...admin, 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ properties: { condition: 'critical' } }),
      });
      expect(patched.status).toBe(200);
      // The notification reaches each process shortly after the commit; until then it may serve its
      // cached copy, never after (bounded wait).
      const readUntilEdited = async (base: string) => {
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const result = await read(base);
          if (result.condition === 'critical') return result;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`${base} kept serving the tile from before the edit`);
      };
      const after = [await readUntilEdited(server.url), await readUntilEdited(other.url)];
      expect(after[0]!.etag).not.toBe(before[0]!.etag);
      expect(after[1]!.etag).not.toBe(before[1]!.etag);
    } finally {
      await other.stop();
    }
  });

  it('moves an inspection in the tiles when its establishment moves', async () => {
    const post = (layer: string, body: unknown) => fetch(`${server.url}/ogc/collections/${layer}/items`, {
      method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(body),
    });
    const establishment = await post('establishments', validFeature('establishments', 30));
    const place = await establishment.json();
    await post('inspections', validFeature('inspections', 31, place.id));
    const [lon, lat] = place.geometry.coordinates;
    const tile = tileForLonLat(lon, lat, 16);
    let cacheStatus = '';
    const inspectionIds = async () => {
      const response = await fetch(`${server.url}/tiles/inspections/${tile.z}/${tile.x}/${tile.y}.mvt`, { headers: admin });
      cacheStatus = response.headers.get('cache-status') ?? '';
      return response.status === 204 ? [] : (decodeTile(new Uint8Array(await response.arrayBuffer()), tile).inspections ?? []).map((feature) => feature.id);
    };
    // Until the tile is served from the cache (the creation's own notification may still be on its way).
    for (let attempt = 0; attempt < 20 && !cacheStatus.includes('hit'); attempt += 1) expect((await inspectionIds()).length).toBe(1);
    expect(cacheStatus).toContain('hit');
    const moved = await fetch(`${server.url}/ogc/collections/establishments/items/${place.id}`, {
      method: 'PATCH', headers: { ...admin, 'If-Match': establishment.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ geometry: { type: 'Point', coordinates: [lon + 0.02, lat] } }),
    });
    expect(moved.status).toBe(200);
    // The tile-changes notification reaches this process shortly after the commit (bounded wait).
    let ids = await inspectionIds();
    for (let attempt = 0; attempt < 100 && ids.length > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ids = await inspectionIds();
    }
    expect(ids).toEqual([]);
  });
});
