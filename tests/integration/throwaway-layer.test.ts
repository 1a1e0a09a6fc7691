import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegistryAgainstDatabase } from '../../server/layers/registry-check.ts';
import { LAYERS, LayerRegistry } from '../../server/layers/registry.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { STREET_TREES_MIGRATION, streetTrees } from '../fixtures/layers/street-trees.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { CENTRE } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * README "Adding a layer": one registry file and its migration are all a new layer needs. A layer that
 * exists only here is registered with the real ones and used end to end: items, tiles (table and
 * generalised zooms), search and statistics, with no other change to the server.
 */
let database: ScratchDatabase;
let server: TestServer;
let planner: Record<string, string>;
const registry = new LayerRegistry([...LAYERS, streetTrees]);
const [lon, lat] = CENTRE;

beforeAll(async () => {
  database = await createScratchDatabase();
  await database.pool.query(STREET_TREES_MIGRATION);
  const square = (size: number) => `ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326), ${size}, 'quad_segs=1'))`;
  const prefecture = (await database.pool.query(`INSERT INTO admin_areas (level, code, name_fr, name_ar, geom)
    VALUES ('prefecture', 'P-TREES', 'Préfecture d’essai', 'عمالة تجريبية', ${square(0.05)}) RETURNING id`)).rows[0].id;
  await database.pool.query(`INSERT INTO admin_areas (level, code, name_fr, name_ar, parent_id, geom)
    VALUES ('arrondissement', 'A-TREES', 'Arrondissement d’essai', 'مقاطعة تجريبية', $1, ${square(0.02)})`, [prefecture]);
  planner = await sessionHeaders(database.pool, 'amina', 'planner');
  server = await startTestServer(database.pool, {}, { registry });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function plantTree(code: string, species: string, heightM: number, offset: number) {
  const response = await fetch(`${server.url}/ogc/collections/street_trees/items`, {
    method: 'POST',
    headers: { ...planner, 'Content-Type': 'application/geo+json' },
    body: JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon + offset, lat] },
      properties: { code, species, name_fr: `Palmier du jardin ${code}`, name_ar: `نخلة الحديقة ${code}`, height_m: heightM },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

describe('a layer added by one registry file and its migration', () => {
  it('matches the database, wiring included, and the check names it when its wiring is missing', async () => {
    await expect(checkRegistryAgainstDatabase(database.pool, registry)).resolves.toBeUndefined();
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("DELETE FROM search_layer_sources WHERE layer = 'street_trees'");
      await client.query('DROP TRIGGER street_trees_tiles_update ON street_trees');
      const unwired = checkRegistryAgainstDatabase(client, registry);
      await expect(unwired).rejects.toThrow('layer street_trees: searchable in the registry, but search_layer_sources has no row for it');
      await expect(unwired).rejects.toThrow('layer street_trees: generalisation trigger street_trees_tiles_update is missing');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('serves items, tiles at the table and generalised zooms, search and statistics', async () => {
    const palm = await plantTree('AR-0001', 'palm', 12, 0);
    await plantTree('AR-0002', 'ficus', 7, 0.0005);

    const items = await (await fetch(`${server.url}/ogc/collections/street_trees/items?species=palm`)).json();
    expect(items.features.map((feature: { id: number }) => feature.id)).toEqual([palm.id]);

    for (const z of [16, 13]) {
      const tile = tileForLonLat(lon, lat, z);
      const response = await fetch(`${server.url}/tiles/street_trees/${tile.z}/${tile.x}/${tile.y}.mvt`);
      expect(response.status).toBe(200);
      const features = decodeTile(new Uint8Array(await response.arrayBuffer()), tile).street_trees ?? [];
      expect(features.find((feature) => feature.id === palm.id)?.properties, `z${z}`).toMatchObject({ code: 'AR-0001', species: 'palm' });
    }
    const generalised = await database.pool.query("SELECT count(*)::integer AS count FROM tile_generalised WHERE layer = 'street_trees' AND zoom = 13");
    expect(generalised.rows[0].count).toBeGreaterThan(0);

    const search = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('jardin AR-0001')}&layers=street_trees`)).json();
    expect(search.results[0]).toMatchObject({ layer: 'street_trees', kind: 'street_tree', id: palm.id, kind_label: { en: 'Tree' }, subtype: { value: 'palm' } });

    const stats = await (await fetch(`${server.url}/api/query/stats?layer=street_trees&by=arrondissement`, { headers: planner })).json();
    expect(stats.areas).toEqual([expect.objectContaining({ area: expect.objectContaining({ code: 'A-TREES' }), count: 2, averageHeight: 9.5 })]);
    const palms = await (await fetch(`${server.url}/api/query/stats?layer=street_trees&by=prefecture&species=palm`, { headers: planner })).json();
    expect(palms.areas).toEqual([expect.objectContaining({ area: expect.objectContaining({ code: 'P-TREES' }), count: 1, averageHeight: 12 })]);
  });
});
