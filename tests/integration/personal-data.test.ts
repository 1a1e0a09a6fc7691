import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Personal data never reaches the public, through any channel, for any layer: the fixture rows carry an
 * applicant, an operator and an inspector, and every public response is searched for them.
 */
const registry = new LayerRegistry();
const PERSONAL_VALUES = [/Bennani/i, /661 234 567/, /k\.bennani@example\.ma/, /Youssef El Amrani/, /Samira Alaoui/];
const publicLayers = registry.layers.filter((layer) => layer.access.read.includes('public'));
const personalNames = (id: string) => Object.entries(registry.find(id)!.properties).filter(([, property]) => property.personal).map(([name]) => name);

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

async function publicText(path: string, init?: RequestInit): Promise<string> {
  const response = await fetch(`${server.url}${path}`, init);
  expect(response.status, path).toBeLessThan(300);
  return response.text();
}

function expectNoPersonalData(text: string, layerId: string): void {
  for (const pattern of PERSONAL_VALUES) expect(text).not.toMatch(pattern);
  for (const name of personalNames(layerId)) expect(text).not.toContain(`"${name}"`);
}

describe.each(publicLayers.map((layer) => layer.id))('%s as the public', (layerId) => {
  it('tiles carry no personal property', async () => {
    const tile = tileForLonLat(CENTRE[0], CENTRE[1], 15);
    const response = await fetch(`${server.url}/tiles/${layerId}/${tile.z}/${tile.x}/${tile.y}.mvt`);
    const features = response.status === 200 ? decodeTile(new Uint8Array(await response.arrayBuffer()), tile)[layerId] ?? [] : [];
    expect(features.length).toBeGreaterThan(0);
    for (const feature of features) for (const name of personalNames(layerId)) expect(feature.properties).not.toHaveProperty(name);
    const text = await publicText(`/tiles/${layerId}.json`);
    expectNoPersonalData(text, layerId);
  });

  it('items, the item, its history, nearby, within and along carry no personal data', async () => {
    const id = ids[layerId as keyof FixtureIds];
    const square = { type: 'Polygon', coordinates: [[[-7.64, 33.58], [-7.62, 33.58], [-7.62, 33.6], [-7.64, 33.6], [-7.64, 33.58]]] };
    const texts = [
      await publicText(`/ogc/collections/${layerId}/items`),
      await publicText(`/ogc/collections/${layerId}/items/${id}`),
      await publicText(`/ogc/collections/${layerId}/items/${id}/history`),
      await publicText(`/ogc/api`),
      await publicText(`/api/layers`),
      await publicText(`/api/query/nearby?layer=${layerId}&lon=${CENTRE[0]}&lat=${CENTRE[1]}&radius=1000`),
      await publicText('/api/query/within', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ geometry: square, layers: [layerId] }) }),
      await publicText(`/api/query/along?road=${ids.road_segments}&layer=${layerId}&distance=500`),
      await publicText(`/api/query/stats?layer=${layerId}`),
    ];
    expect(texts[0]).toContain(`"id":${id}`);
    for (const text of texts) expectNoPersonalData(text, layerId);
  });
});

describe('errors', () => {
  it('never echo personal data or internals', async () => {
    const conflict = await fetch(`${server.url}/api/query/nearby?layer=permits&lon=x&lat=${CENTRE[1]}`);
    const text = await conflict.text();
    expect(text).not.toMatch(/SELECT|pg_|permits_|Bennani/);
  });
});
