import { gunzipSync } from 'node:zlib';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { layerView } from '../../server/auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { generalisedZooms } from '../../server/tiles/generalisation.ts';
import { tileForLonLat, type TileCoordinates } from '../../server/tiles/tile-coordinates.ts';
import { renderTile } from '../../server/tiles/tile-renderer.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { CENTRE } from '../helpers/layer-fixtures.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';

const registry = new LayerRegistry();
let database: ScratchDatabase;

/** Each test works in a transaction of its own, rolled back after it: no test sees another's rows. */
let db: pg.PoolClient;

beforeAll(async () => {
  database = await createScratchDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  db = await database.pool.connect();
  await db.query('BEGIN');
});
afterEach(async () => {
  await db.query('ROLLBACK');
  db.release();
});

/** Feature ids in the public tile of the layer at zoom z around a point. */
async function idsInTile(layerId: string, z: number, [lon, lat]: readonly [number, number] = CENTRE): Promise<number[]> {
  const layer = registry.find(layerId)!;
  const tile: TileCoordinates = tileForLonLat(lon, lat, z);
  const rendered = await renderTile(db, layer, layerView(PUBLIC_PRINCIPAL, layer, registry), tile);
  if (rendered.size === 0) return [];
  return (decodeTile(new Uint8Array(gunzipSync(rendered.gzipped)), tile)[layerId] ?? []).map((feature) => feature.id!).sort((a, b) => a - b);
}

async function insertRoad(roadClass: string, lengthDegrees: number, [lon, lat]: readonly [number, number] = CENTRE): Promise<number> {
  const result = await db.query<{ id: number }>(
    `INSERT INTO road_segments (road_class, geom)
     VALUES ($1, ST_SetSRID(ST_MakeLine(ST_MakePoint($2::float8, $3::float8), ST_MakePoint($2::float8 + $4::float8, $3::float8)), 4326)) RETURNING id`,
    [roadClass, lon, lat, lengthDegrees],
  );
  return result.rows[0]!.id;
}

async function insertPermit(reference: string, [lon, lat]: readonly [number, number], size = 0): Promise<number> {
  const geometry = size === 0
    ? 'ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)'
    : 'ST_MakeEnvelope($2::float8, $3::float8, $2::float8 + $4::float8, $3::float8 + $4::float8, 4326)';
  const result = await db.query<{ id: number }>(
    `INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, geom)
     VALUES ($1, 'signage', 'submitted', '2026-09-01', 'X', ${geometry}) RETURNING id`,
    size === 0 ? [reference, lon, lat] : [reference, lon, lat, size],
  );
  return result.rows[0]!.id;
}

async function generalisedRows(): Promise<string[]> {
  const result = await db.query<{ row: string }>(
    `SELECT concat_ws(' ', layer, zoom, feature_id, cell_x, cell_y, ST_AsText(geom)) AS row FROM tile_generalised ORDER BY 1`,
  );
  return result.rows.map((row) => row.row);
}

describe('the generalised store', () => {
  it('covers exactly the zooms the tile query builder reads it for', async () => {
    const roads = await db.query<{ zoom: number }>('SELECT zoom FROM tile_road_rules ORDER BY zoom');
    const points = await db.query<{ layer: string; zoom: number }>('SELECT layer, zoom FROM tile_point_rules ORDER BY layer, zoom');
    const generalised = registry.layers.flatMap((layer) => {
      const zooms = generalisedZooms(layer);
      return zooms ? [[layer.id, zooms] as const] : [];
    });
    const declared = generalised.map(([layer, zooms]) => [
      layer,
      Array.from({ length: zooms.maxzoom - zooms.minzoom + 1 }, (_, index) => zooms.minzoom + index),
    ]);
    const stored = [
      ['road_segments', roads.rows.map((row) => row.zoom)],
      ...['permits', 'inspections'].map((layer) => [layer, points.rows.filter((row) => row.layer === layer).map((row) => row.zoom)]),
    ];
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(declared));
    for (const [layer, zooms] of generalised) expect(zooms.minzoom).toBe(registry.find(layer)!.tiles.minzoom);
  });

  it('keeps major roads at z10, drops minor and short ones until their zoom, and follows edits', async () => {
    const motorway = await insertRoad('motorway', 0.01);
    const residential = await insertRoad('residential', 0.002, [CENTRE[0], CENTRE[1] + 0.001]);
    const shortTrunk = await insertRoad('trunk', 0.001, [CENTRE[0], CENTRE[1] + 0.002]);
    // A trunk road is minor at z10 (drawn only when long) and major from z13.
    expect(await idsInTile('road_segments', 10)).toEqual([motorway]);
    expect(await idsInTile('road_segments', 13)).toEqual([motorway, shortTrunk]);
    expect(await idsInTile('road_segments', 14)).toEqual([motorway, residential, shortTrunk]);

    await db.query("UPDATE road_segments SET road_class = 'motorway' WHERE id = $1", [residential]);
    expect(await idsInTile('road_segments', 10)).toEqual([motorway, residential]);
    await db.query('UPDATE road_segments SET geom = ST_Translate(geom, 0.5, 0) WHERE id = $1', [residential]);
    expect(await idsInTile('road_segments', 10)).toEqual([motorway]);
    await db.query('DELETE FROM road_segments WHERE id = $1', [motorway]);
    expect(await idsInTile('road_segments', 10)).toEqual([]);
  });

  it('snaps roads to the zoom grid and simplifies them', async () => {
    const id = (await db.query<{ id: number }>(
      `INSERT INTO road_segments (road_class, geom) VALUES ('motorway', ST_SetSRID(ST_MakeLine(ARRAY[
         ST_MakePoint(-7.60, 33.55), ST_MakePoint(-7.59, 33.550002), ST_MakePoint(-7.58, 33.55)]), 4326)) RETURNING id`,
    )).rows[0]!.id;
    const stored = await db.query<{ zoom: number; points: number; isOnGrid: boolean }>(
      `SELECT zoom, ST_NPoints(geom) AS points,
              ST_Equals(geom, ST_SnapToGrid(geom, -20037508.342789244, -20037508.342789244, tile_unit_metres(zoom), tile_unit_metres(zoom))) AS "isOnGrid"
         FROM tile_generalised WHERE layer = 'road_segments' AND feature_id = $1 ORDER BY zoom`,
      [id],
    );
    expect(stored.rows).toEqual([10, 11, 12, 13].map((zoom) => ({ zoom, points: 2, isOnGrid: true })));
  });

  it('thins permits to the lowest id per cell, turns small footprints into points, and re-picks on delete', async () => {
    const place: [number, number] = [-7.65, 33.57];
    const first = await insertPermit('GEN-2026-0001', place);
    const neighbour = await insertPermit('GEN-2026-0002', [place[0] + 0.00002, place[1]]);
    const footprint = await insertPermit('GEN-2026-0003', [place[0] + 0.02, place[1]], 0.0002);
    expect(await idsInTile('permits', 11, place)).toEqual([first, footprint]);
    expect(await idsInTile('permits', 14, place)).toEqual([first, neighbour]);

    const layer = registry.find('permits')!;
    const tile = tileForLonLat(place[0] + 0.02, place[1], 12);
    const rendered = await renderTile(db, layer, layerView(PUBLIC_PRINCIPAL, layer, registry), tile);
    const drawn = decodeTile(new Uint8Array(gunzipSync(rendered.gzipped)), tile).permits!.find((feature) => feature.id === footprint)!;
    expect(drawn.geometry.type).toBe('Point');

    await db.query('DELETE FROM permits WHERE id = $1', [first]);
    expect(await idsInTile('permits', 11, place)).toEqual([neighbour, footprint]);
  });

  it('moves inspections with their establishment at low zooms too', async () => {
    const establishment = (await db.query<{ id: number }>(
      "INSERT INTO establishments (name_fr, category, geom) VALUES ('Four', 'bakery', ST_SetSRID(ST_MakePoint(-7.55, 33.60), 4326)) RETURNING id",
    )).rows[0]!.id;
    const inspection = (await db.query<{ id: number }>(
      `INSERT INTO inspections (establishment_id, inspected_on, inspector_name, score, grade, outcome, geom)
       VALUES ($1, '2026-10-01', 'I', 90, 'A', 'compliant', ST_SetSRID(ST_MakePoint(0, 0), 4326)) RETURNING id`,
      [establishment],
    )).rows[0]!.id;
    const cellOf = async () =>
      (await db.query("SELECT ST_AsText(ST_Transform(geom, 4326)) AS place FROM tile_generalised WHERE layer = 'inspections' AND feature_id = $1 AND zoom = 12", [inspection])).rows[0]?.place;
    expect(await cellOf()).toMatch(/^POINT\(-7\.55/);
    await db.query('UPDATE establishments SET geom = ST_SetSRID(ST_MakePoint(-7.51, 33.61), 4326) WHERE id = $1', [establishment]);
    expect(await cellOf()).toMatch(/^POINT\(-7\.51/);
  });

  it('after many edits, equals a rebuild from scratch', async () => {
    await db.query(`
      INSERT INTO road_segments (road_class, geom)
      SELECT (ARRAY['motorway','trunk','primary','secondary','tertiary','residential'])[1 + i % 6],
             ST_SetSRID(ST_MakeLine(ST_MakePoint(-7.7 + (i % 40) * 0.005, 33.5 + (i / 40) * 0.004),
                                    ST_MakePoint(-7.7 + (i % 40) * 0.005 + 0.0005 * (1 + i % 9), 33.5 + (i / 40) * 0.004)), 4326)
        FROM generate_series(1, 400) AS i`);
    await db.query(`
      INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, geom)
      SELECT 'BULK-2026-' || i, 'signage', 'submitted', '2026-01-01', 'X',
             ST_SetSRID(ST_MakePoint(-7.7 + (i % 30) * 0.0013, 33.5 + (i / 30) * 0.0011), 4326)
        FROM generate_series(1, 600) AS i`);
    await db.query("UPDATE road_segments SET road_class = 'primary', geom = ST_Translate(geom, 0.003, 0) WHERE id % 7 = 0");
    await db.query('UPDATE permits SET geom = ST_Translate(geom, 0.002, 0.001) WHERE id % 5 = 0');
    await db.query('DELETE FROM permits WHERE id % 11 = 0');
    await db.query('DELETE FROM road_segments WHERE id % 13 = 0');
    const incremental = await generalisedRows();
    await db.query("SELECT tile_generalisation_rebuild(layer) FROM unnest(ARRAY['road_segments', 'permits', 'inspections']) AS layer");
    expect(await generalisedRows()).toEqual(incremental);
    expect(incremental.length).toBeGreaterThan(100);
  });
});
