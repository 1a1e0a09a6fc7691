import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles, TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableLayers } from '../../server/auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { loadConfig, PROJECT_ROOT } from '../../server/config.ts';
import { loadSampleDataOnce } from '../../server/seed-sample-data.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { type Region, RegionService, regionSettingsOf } from '../../server/layers/region.ts';
import { buildPublicArchive } from '../../server/tiles/tile-archive.ts';
import { type TileCoordinates, tileRangeForBbox, tilesInRange } from '../../server/tiles/tile-coordinates.ts';
import { type DecodedFeature, decodeTile } from '../helpers/decode-tile.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The public map as a PMTiles archive, built from the sample data and read back through the server with
 * the official reader (pmtiles' FetchSource makes the HTTP Range requests a browser would). The sample data
 * is loaded into a database of this file's own: the shared sample database is edited (and put back) by
 * other tests, which would change live tiles between the build and the comparison.
 */
const registry = new LayerRegistry();
const ZOOMS = { minZoom: 10, maxZoom: 13 };
/** Every property the registry marks personal, whatever its layer: none may be in a public archive. */
const PERSONAL = new Set(registry.layers.flatMap((layer) => Object.entries(layer.properties).filter(([, property]) => property.personal).map(([name]) => name)));
let database: ScratchDatabase;
let server: TestServer;
let archiveDir: string;
let region: Region;

beforeAll(async () => {
  database = await createScratchDatabase();
  await loadSampleDataOnce(database.pool);
  archiveDir = mkdtempSync(join(tmpdir(), 'casa-sig-archives-'));
  region = await new RegionService(database.pool, registry, regionSettingsOf(loadConfig({}))).current();
  const built = await buildPublicArchive(database.pool, registry, { ...ZOOMS, region, concurrency: 2, statementTimeoutMs: loadConfig({}).TILE_STATEMENT_TIMEOUT_MS });
  writeFileSync(join(archiveDir, 'city.pmtiles'), built.archive);
  server = await startTestServer(database.pool, { TILE_ARCHIVE_DIR: archiveDir });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  if (archiveDir) rmSync(archiveDir, { recursive: true, force: true });
});

function regionTiles(): TileCoordinates[] {
  const zooms = Array.from({ length: ZOOMS.maxZoom - ZOOMS.minZoom + 1 }, (_, index) => ZOOMS.minZoom + index);
  return zooms.flatMap((z) => tilesInRange(tileRangeForBbox(region.bounds, z, 0)));
}

/**
 * Each layer's features in id order. The tile SQL has no ORDER BY, so the order of features follows the plan,
 * which PostgreSQL may change between the build and the live requests (autoanalyze of the new sample rows).
 */
function byId(layers: Record<string, DecodedFeature[]>): Record<string, DecodedFeature[]> {
  return Object.fromEntries(Object.entries(layers).map(([name, features]) => [name, [...features].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))]));
}

/** The layers of one tile as the public gets them from the live tile endpoint, one request per layer. */
async function liveLayers(tile: TileCoordinates): Promise<Record<string, DecodedFeature[]>> {
  const layers: Record<string, DecodedFeature[]> = {};
  for (const layer of readableLayers(registry, PUBLIC_PRINCIPAL)) {
    if (tile.z < layer.tiles.minzoom || tile.z > layer.tiles.maxzoom) continue;
    const response = await fetch(`${server.url}/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt`);
    if (response.status === 204) continue;
    expect(response.status).toBe(200);
    Object.assign(layers, decodeTile(new Uint8Array(await response.arrayBuffer()), tile));
  }
  return layers;
}

describe('the public tile archive', () => {
  it('holds every public layer of every tile exactly as the live tiles draw it, and nothing the public may not see', async () => {
    const archive = new PMTiles(new FetchSource(`${server.url}/archives/city.pmtiles`));
    const header = await archive.getHeader();
    expect(header).toMatchObject({ specVersion: 3, tileType: TileType.Mvt, minZoom: ZOOMS.minZoom, maxZoom: ZOOMS.maxZoom, clustered: true });
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(metadata.vector_layers.map((layer) => layer.id)).toEqual([
      'admin_areas', 'admin_areas:labels', 'road_segments', 'permits', 'establishments', 'transit_routes', 'transit_stops',
    ]);
    expect(Object.keys(metadata.vector_layers.find((layer) => layer.id === 'permits')!.fields)).not.toContain('applicant_name');

    let tilesWithFeatures = 0;
    const layersSeen = new Set<string>();
    for (const tile of regionTiles()) {
      const stored = await archive.getZxy(tile.z, tile.x, tile.y);
      const live = await liveLayers(tile);
      if (Object.keys(live).length === 0) {
        expect(stored, `${tile.z}/${tile.x}/${tile.y} is empty live`).toBeUndefined();
        continue;
      }
      expect(stored, `${tile.z}/${tile.x}/${tile.y}`).toBeDefined();
      const archived = decodeTile(new Uint8Array(stored!.data), tile);
      expect(byId(archived), `${tile.z}/${tile.x}/${tile.y}`).toEqual(byId(live));
      for (const [layer, features] of Object.entries(archived)) {
        layersSeen.add(layer);
        for (const feature of features) expect(Object.keys(feature.properties).filter((name) => PERSONAL.has(name))).toEqual([]);
      }
      tilesWithFeatures += 1;
    }
    expect(tilesWithFeatures).toBeGreaterThan(20);
    expect([...layersSeen].sort()).toEqual(['admin_areas', 'admin_areas:labels', 'establishments', 'permits', 'road_segments', 'transit_routes', 'transit_stops']);
  });

  it('answers byte ranges (206), revalidation (304) and unknown or malformed names (404 problem)', async () => {
    const url = `${server.url}/archives/city.pmtiles`;
    const range = await fetch(url, { headers: { Range: 'bytes=0-126' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(range.headers.get('content-range')).toMatch(/^bytes 0-126\/\d+$/);
    expect(Buffer.from(await range.arrayBuffer()).subarray(0, 7).toString('latin1')).toBe('PMTiles');
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('cache-control')).toBe('public, max-age=300');
    expect(Buffer.from(await whole.arrayBuffer()).equals(readFileSync(join(archiveDir, 'city.pmtiles')))).toBe(true);
    // node:http, not fetch: fetch adds Cache-Control: no-cache to conditional requests, which asks for the body.
    const revalidated = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { 'If-None-Match': whole.headers.get('etag')! } }, (answer) => resolve(answer.resume().statusCode!)).on('error', reject);
    });
    expect(revalidated).toBe(304);

    mkdirSync(join(archiveDir, 'folder.pmtiles'));
    for (const path of ['/archives/nowhere.pmtiles', '/archives/..%2Fcity.pmtiles', '/archives/.hidden.pmtiles', '/archives/CITY.pmtiles', '/archives/folder.pmtiles']) {
      const missing = await fetch(`${server.url}${path}`);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(await missing.text(), path).not.toContain(archiveDir);
    }
  });

  it('is published by npm run tiles:archive under its content hash with a manifest, every tile matching the live one', async () => {
    const publish = () => spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', 'build-tile-archive.ts'), '--min-zoom', '11', '--max-zoom', '12'], {
      cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url, TILE_ARCHIVE_DIR: archiveDir }, encoding: 'utf8', timeout: 120_000,
    });
    const first = publish();
    expect(first.status, first.stderr).toBe(0);
    const response = await fetch(`${server.url}/archives/casa-sig-public.json`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = await response.json();
    expect(manifest).toMatchObject({ archive: expect.stringMatching(/^casa-sig-public-[0-9a-f]{16}\.pmtiles$/), minZoom: 11, maxZoom: 12 });
    expect(manifest.url).toBe(`/archives/${manifest.archive}`);
    const bytes = readFileSync(join(archiveDir, manifest.archive));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);
    expect(manifest.archive).toContain(manifest.sha256.slice(0, 16));
    const head = await fetch(`${server.url}${manifest.url}`, { headers: { Range: 'bytes=0-126' } });
    expect(head.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const archive = new PMTiles(new FetchSource(`${server.url}${manifest.url}`));
    let compared = 0;
    for (const tile of regionTiles().filter((each) => each.z >= 11 && each.z <= 12)) {
      const stored = await archive.getZxy(tile.z, tile.x, tile.y);
      const live = await liveLayers(tile);
      if (Object.keys(live).length === 0) {
        expect(stored, `${tile.z}/${tile.x}/${tile.y} is empty live`).toBeUndefined();
        continue;
      }
      expect(byId(decodeTile(new Uint8Array(stored!.data), tile)), `${tile.z}/${tile.x}/${tile.y}`).toEqual(byId(live));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(5);

    // A rebuild publishes again; the archive readers may still be on is kept, no older one.
    await database.pool.query(`UPDATE admin_areas SET name_fr = name_fr || ' ' WHERE id = (SELECT min(id) FROM admin_areas)`);
    expect(publish().status).toBe(0);
    const second = await (await fetch(`${server.url}/archives/casa-sig-public.json`)).json();
    expect(second.archive).not.toBe(manifest.archive);
    expect(existsSync(join(archiveDir, manifest.archive))).toBe(true);
    expect(publish().status).toBe(0);
    expect(readdirSync(archiveDir).filter((name) => /^casa-sig-public-[0-9a-f]{16}\.pmtiles$/.test(name)).length).toBeLessThanOrEqual(2);
    await database.pool.query(`UPDATE admin_areas SET name_fr = rtrim(name_fr) WHERE id = (SELECT min(id) FROM admin_areas)`);
  });

  it('is written by npm run tiles:archive, which refuses bad zooms plainly', () => {
    const out = join(archiveDir, 'from-cli.pmtiles');
    const run = (args: string[]) => spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', 'build-tile-archive.ts'), ...args], {
      cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 120_000,
    });
    const built = run(['--min-zoom', '11', '--max-zoom', '12', '--out', out]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/wrote .*from-cli\.pmtiles: \d+ tiles of admin_areas, road_segments, permits, establishments, transit_routes, transit_stops, z11-z12/);
    expect(readFileSync(out).subarray(0, 7).toString('latin1')).toBe('PMTiles');
    expect(readdirSync(archiveDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    for (const [args, message] of [[['--max-zoom', '40'], '--max-zoom must be a zoom from 0 to 22'], [['--out'], '--out needs a value'], [['--zoom', '3'], 'unknown option --zoom']] as const) {
      const refused = run([...args]);
      expect(refused.status, args.join(' ')).toBe(1);
      expect(refused.stderr, args.join(' ')).toContain(message);
    }
    const unservable = join(archiveDir, 'City_Map.pmtiles');
    expect(run(['--min-zoom', '11', '--max-zoom', '11', '--out', unservable]).stdout).toContain('note: the server serves only names like');
    expect(existsSync(unservable)).toBe(true);
  });
});
