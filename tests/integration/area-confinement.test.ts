import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { createMatrixCallers, type MatrixCallers } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Two neighbouring arrondissements, each with a permit, an establishment and an inspection; the inspector
 * is assigned to the first. Both sit in one z13 tile, so a tile that ignored the assignment would show both.
 */
const HOME: [number, number] = [-7.63, 33.59];
const OTHER: [number, number] = [-7.62, 33.59];
const tile = tileForLonLat(-7.625, 33.59, 13);

let database: ScratchDatabase;
let server: TestServer;
let callers: MatrixCallers;
const ids: Record<'home' | 'other', { permit: number; establishment: number; inspection: number }> = {} as never;

async function insertArrondissement(code: string, name: string, [lon, lat]: [number, number]): Promise<void> {
  await database.pool.query(
    `INSERT INTO admin_areas (level, code, name_fr, name_ar, parent_id, geom)
     VALUES ('arrondissement', $1, $2, $2, (SELECT id FROM admin_areas WHERE level = 'prefecture'),
             ST_Multi(ST_MakeEnvelope($3 - 0.004, $4 - 0.004, $3 + 0.004, $4 + 0.004, 4326)))`,
    [code, name, lon, lat],
  );
  const place = `ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
  const permit = await database.pool.query(
    `INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, geom)
     VALUES ($1, 'signage', 'submitted', '2026-09-01', $2, ${place}) RETURNING id`,
    [`ENS-2026-${code.replaceAll('.', '')}`, `Demandeur ${name}`],
  );
  const establishment = await database.pool.query(
    `INSERT INTO establishments (name_fr, category, operator_name, geom) VALUES ($1, 'bakery', $2, ${place}) RETURNING id`,
    [`Boulangerie ${name}`, `Exploitant ${name}`],
  );
  const inspection = await database.pool.query(
    `INSERT INTO inspections (establishment_id, inspected_on, inspector_name, score, grade, outcome, geom)
     VALUES ($1, '2026-10-01', 'Inspecteur', 90, 'A', 'compliant', ${place}) RETURNING id`,
    [establishment.rows[0].id],
  );
  ids[code === '06.999.01' ? 'home' : 'other'] = {
    permit: permit.rows[0].id, establishment: establishment.rows[0].id, inspection: inspection.rows[0].id,
  };
}

beforeAll(async () => {
  database = await createScratchDatabase();
  await database.pool.query(
    `INSERT INTO admin_areas (level, code, name_fr, name_ar, geom)
     VALUES ('prefecture', '06.999', 'Préfecture test', 'عمالة', ST_Multi(ST_MakeEnvelope(-7.66, 33.57, -7.60, 33.61, 4326)))`,
  );
  await insertArrondissement('06.999.01', 'Chez soi', HOME);
  await insertArrondissement('06.999.02', 'Ailleurs', OTHER);
  callers = await createMatrixCallers(database.pool, 'areas', '06.999.01');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function tileFeatureIds(layer: string, headers: Record<string, string>): Promise<number[]> {
  const response = await fetch(`${server.url}/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt`, { headers });
  if (response.status === 204) return [];
  expect(response.status).toBe(200);
  const features = decodeTile(new Uint8Array(await response.arrayBuffer()), tile)[layer] ?? [];
  return features.map((feature) => feature.id!).sort();
}

describe('an inspector assigned to one arrondissement', () => {
  it.each([
    ['permits', 'permit'],
    ['establishments', 'establishment'],
    ['inspections', 'inspection'],
  ] as const)('sees %s of that arrondissement only, in tiles', async (layer, key) => {
    expect(await tileFeatureIds(layer, callers.headers.inspector)).toEqual([ids.home[key]]);
    expect(await tileFeatureIds(layer, callers.headers.admin)).toEqual([ids.home[key], ids.other[key]].sort());
  });

  it('sees the personal data of its own arrondissement and nothing of the other', async () => {
    const response = await fetch(`${server.url}/tiles/permits/${tile.z}/${tile.x}/${tile.y}.mvt`, { headers: callers.headers.inspector });
    const body = new Uint8Array(await response.arrayBuffer());
    const text = Buffer.from(body).toString('latin1');
    expect(text).not.toContain('Ailleurs');
    const permits = decodeTile(body, tile).permits!;
    expect(permits.map((permit) => permit.properties.applicant_name)).toEqual(['Demandeur Chez soi']);
  });

  it('never shares a cacheable response with the public', async () => {
    const response = await fetch(`${server.url}/tiles/permits/${tile.z}/${tile.x}/${tile.y}.mvt`, { headers: callers.headers.inspector });
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('vary')).toMatch(/Authorization/);
    const publicResponse = await fetch(`${server.url}/tiles/permits/${tile.z}/${tile.x}/${tile.y}.mvt`);
    expect(publicResponse.headers.get('cache-control')).toMatch(/^public/);
    expect(publicResponse.headers.get('etag')).not.toBe(response.headers.get('etag'));
    const publicPermits = decodeTile(new Uint8Array(await publicResponse.arrayBuffer()), tile).permits!;
    for (const permit of publicPermits) expect(permit.properties).not.toHaveProperty('applicant_name');
  });

  it.each(['permits', 'establishments', 'inspections'] as const)('gets nothing of the other arrondissement from %s items, queries or history', async (layer) => {
    const key = layer === 'permits' ? 'permit' : layer === 'establishments' ? 'establishment' : 'inspection';
    const headers = callers.headers.inspector;
    const json = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${server.url}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
      return { status: response.status, body: await response.json() };
    };
    const idsOf = (body: { features: { id: number }[] }) => body.features.map((feature) => feature.id).sort();

    expect(idsOf((await json(`/ogc/collections/${layer}/items?limit=100`)).body)).toEqual([ids.home[key]]);
    expect((await json(`/ogc/collections/${layer}/items/${ids.other[key]}`)).status).toBe(404);
    expect((await json(`/ogc/collections/${layer}/items/${ids.home[key]}`)).status).toBe(200);
    expect((await json(`/ogc/collections/${layer}/items/${ids.other[key]}/history`)).status).toBe(404);
    expect(idsOf((await json(`/api/query/nearby?layer=${layer}&lon=-7.625&lat=33.59&radius=3000`)).body)).toEqual([ids.home[key]]);
    const square = { type: 'Polygon', coordinates: [[[-7.64, 33.58], [-7.61, 33.58], [-7.61, 33.6], [-7.64, 33.6], [-7.64, 33.58]]] };
    const within = await json('/api/query/within', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ geometry: square, layers: [layer] }) });
    expect(idsOf(within.body)).toEqual([ids.home[key]]);
    const stats = await json(`/api/query/stats?layer=${layer}`);
    const counts = Object.fromEntries(stats.body.areas.map((area: { area: { code: string }; count: number }) => [area.area.code, area.count]));
    expect(counts).toEqual({ '06.999.01': 1, '06.999.02': 0 });
    // The other arrondissement's feature cannot be edited either: it does not exist for her.
    const patch = await fetch(`${server.url}/ogc/collections/${layer}/items/${ids.other[key]}`, {
      method: 'PATCH', headers: { ...headers, 'If-Match': '"v1.AAAAAAAA"', 'Content-Type': 'application/merge-patch+json' }, body: '{"properties":{}}',
    });
    expect([403, 404]).toContain(patch.status);
  });

  it('cannot move or create a feature outside her arrondissement', async () => {
    const headers = { ...callers.headers.inspector, 'Content-Type': 'application/geo+json' };
    const outside = await fetch(`${server.url}/ogc/collections/establishments/items`, {
      method: 'POST', headers, body: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: OTHER }, properties: { name_fr: 'Ailleurs', category: 'cafe' } }),
    });
    expect(outside.status).toBe(403);
    const inside = await fetch(`${server.url}/ogc/collections/establishments/items`, {
      method: 'POST', headers, body: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: HOME }, properties: { name_fr: 'Chez soi', category: 'cafe' } }),
    });
    expect(inside.status).toBe(201);
    const created = (await inside.json()).id;
    try {
      const moved = await fetch(`${server.url}/ogc/collections/establishments/items/${created}`, {
        method: 'PATCH', headers: { ...headers, 'If-Match': inside.headers.get('etag')! }, body: JSON.stringify({ geometry: { type: 'Point', coordinates: OTHER } }),
      });
      expect(moved.status).toBe(403);
      const count = await database.pool.query("SELECT count(*) FROM establishments WHERE name_fr = 'Ailleurs'");
      expect(Number(count.rows[0].count)).toBe(0);
    } finally {
      // The other tests count this arrondissement's establishments: leave none behind.
      await database.pool.query('DELETE FROM establishments WHERE id = $1', [created]);
    }
  });
});

