import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFile } from '../../server/import/import-file.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { parseTileNotice } from '../../server/tiles/tile-change-listener.ts';
import { TILE_CHANGES_CHANNEL, type TileChange } from '../../server/tiles/tile-invalidation.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';

/**
 * An import drops the tiles it touched as an edit does: announced on the channel every server's tile cache
 * listens to, when (and only if) its transaction commits. In a database of its own, empty to begin with.
 */
const FILE = join(import.meta.dirname, '../fixtures/import', 'routes "Anfa" d\'été – طرق.geojson');

let database: ScratchDatabase;
beforeAll(async () => {
  database = await createScratchDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it('announces the boxes of every feature it wrote to the tile caches, and a dry run announces nothing', async () => {
  const registry = new LayerRegistry();
  const listener = new pg.Client({ connectionString: database.url });
  const changes: TileChange[] = [];
  listener.on('notification', (message) => {
    const notice = parseTileNotice(message.payload);
    if (notice?.kind === 'change') changes.push(notice.change);
  });
  await listener.connect();
  try {
    await listener.query(`LISTEN ${TILE_CHANGES_CHANNEL}`);
    // Each round trip on the listening connection delivers what was notified before it.
    expect((await importFile(database.pool, registry, 'road_segments', FILE, { isDryRun: true })).status).toBe('dry-run');
    await listener.query('SELECT 1');
    expect(changes).toEqual([]);
    expect((await importFile(database.pool, registry, 'road_segments', FILE)).status).toBe('imported');
    await listener.query('SELECT 1');
  } finally {
    await listener.end();
  }
  const layers = ['road_segments', ...registry.followersOf('road_segments').map((layer) => layer.id)];
  expect(new Set(changes.map((change) => change.layer))).toEqual(new Set(layers));
  // Every imported feature lies inside a box the caches were told about.
  const { rows } = await database.pool.query<{ count: number; uncovered: number }>(
    `SELECT count(*)::int AS count,
            count(*) FILTER (WHERE NOT EXISTS (SELECT FROM json_array_elements($1::json) AS b
              WHERE ST_Covers(ST_MakeEnvelope((b->>0)::float8, (b->>1)::float8, (b->>2)::float8, (b->>3)::float8, 4326), r.geom)))::int AS uncovered
       FROM road_segments AS r`,
    [JSON.stringify(changes.filter((change) => change.layer === 'road_segments').flatMap((change) => change.bboxes))],
  );
  expect(rows[0]).toEqual({ count: 4, uncovered: 0 });
});
