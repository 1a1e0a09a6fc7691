import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

const registry = new LayerRegistry();
let source: ScratchDatabase;
let target: ScratchDatabase;
let folder: string;
let admin: Record<string, string>;

/** Runs `npm run <script> -- args` as an administrator would, against one database. */
function runScript(script: 'db-backup' | 'db-restore', args: string[], database: ScratchDatabase) {
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every table that holds the city's data or its accounts, with a digest of all its rows. */
async function digests(pool: pg.Pool): Promise<Record<string, string>> {
  const tables = [
    ...registry.layers.map((layer) => layer.table.name), 'transit_route_stops', 'tile_generalised',
    'feature_history', 'users', 'user_areas', 'sessions', 'api_keys', 'security_events', 'webhooks', 'schema_migrations',
  ];
  const entries: [string, string][] = [];
  for (const table of tables) {
    const row = (await pool.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`)).rows[0];
    entries.push([table, `${row.rows} rows ${row.digest}`]);
  }
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'casa-sig-backup-'));
  source = await createScratchDatabase();
  target = await createScratchDatabase({ isMigrated: false });
  await insertFixtureRows(source.pool);
  admin = await sessionHeaders(source.pool, 'backup-admin', 'admin', ['06.141']);
  await createApiKey(source.pool, registry, { module: 'tax', scopes: ['road_segments:read'] });
  // Features with a history: created, edited, one deleted, through the API.
  const server: TestServer = await startTestServer(source.pool);
  try {
    for (const layer of ['road_segments', 'permits', 'transit_stops']) {
      const created = await fetch(`${server.url}/ogc/collections/${layer}/items`, {
        method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature(layer, 7)),
      });
      expect(created.status).toBe(201);
      const id = (await created.json()).id;
      const edited = await fetch(`${server.url}/ogc/collections/${layer}/items/${id}`, {
        method: layer === 'permits' ? 'DELETE' : 'PATCH',
        headers: { ...admin, 'If-Match': created.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
        body: layer === 'permits' ? undefined : JSON.stringify({ properties: { name_fr: 'Nom modifié', name_ar: 'اسم معدل' } }),
      });
      expect(edited.status).toBeLessThan(300);
    }
  } finally {
    await server.close();
  }
});
afterAll(async () => {
  await source?.drop();
  await target?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run db:backup and npm run db:restore', () => {
  it('restore into an empty database every feature, history row, account and key', async () => {
    const file = join(folder, 'casa-sig.dump');
    const backup = runScript('db-backup', ['--out', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/backed up to .*casa-sig\.dump .*road_segments 2.*6 history rows; 1 accounts; 1 API keys/);

    const restore = runScript('db-restore', [file], target);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(await digests(target.pool)).toEqual(await digests(source.pool));
    expect((await target.pool.query('SELECT count(*)::int AS n FROM feature_history')).rows[0].n).toBe(6);
  });

  it('restore as well into an empty database that a server has already migrated', async () => {
    const migrated = await createScratchDatabase();
    try {
      const restore = runScript('db-restore', [join(folder, 'casa-sig.dump')], migrated);
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      expect(await digests(migrated.pool)).toEqual(await digests(source.pool));
    } finally {
      await migrated.drop();
    }
  });

  it('give a database that works: sequences, triggers and sessions as they were', async () => {
    const server = await startTestServer(target.pool);
    try {
      const created = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
        method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature('road_segments', 8)),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const id = (await created.json()).id;
      expect(id).toBeGreaterThan((await source.pool.query('SELECT max(id)::int AS id FROM road_segments')).rows[0].id);
      const history = (await target.pool.query('SELECT max(seq)::int AS seq, count(*)::int AS rows FROM feature_history')).rows[0];
      expect(history).toEqual({ seq: 7, rows: 7 });
    } finally {
      await server.close();
    }
  });

  it('refuse to restore over a database that holds data, and leave it as it was', async () => {
    const before = await digests(target.pool);
    const restore = runScript('db-restore', [join(folder, 'casa-sig.dump')], target);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('already holds data');
    expect(await digests(target.pool)).toEqual(before);
  });

  it('replace a database only as a whole: a damaged backup changes nothing, a good one replaces everything', async () => {
    const before = await digests(target.pool);
    const good = readFileSync(join(folder, 'casa-sig.dump'));
    // Cut short, and with its last fifth (table data) overwritten: refused before or during the replay.
    const zeroedTail = Buffer.from(good);
    zeroedTail.fill(0, Math.floor(good.length * 0.8));
    for (const [name, bytes] of [['truncated.dump', good.subarray(0, Math.floor(good.length * 0.8))], ['zeroed.dump', zeroedTail]] as const) {
      writeFileSync(join(folder, name), bytes);
      const failed = runScript('db-restore', [join(folder, name), '--replace'], target);
      expect(failed.status).toBe(1);
      expect(await digests(target.pool)).toEqual(before);
    }

    const replaced = runScript('db-restore', [join(folder, 'casa-sig.dump'), '--replace'], target);
    expect(replaced.status).toBe(0);
    expect(await digests(target.pool)).toEqual(await digests(source.pool));
  });
});
