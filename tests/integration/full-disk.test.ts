import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedCluster, type EmbeddedClusterOptions, prepareDirectory, startEmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { ownClusterPort } from '../helpers/own-cluster.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { mountSmallFilesystem, type SmallFilesystem, whySmallFilesystemsCannotBeMounted } from '../helpers/small-filesystem.ts';
import { until } from '../helpers/until.ts';

/**
 * A full disk, for real: a tmpfs of a few megabytes holds a cluster's data (a tablespace the database
 * lives in) or its WAL (initdb --waldir), and a ballast file takes every free block while a server
 * process is writing. Where the machine does not allow mounting (no root), the file is skipped with the
 * reason.
 */
const cannotMount = whySmallFilesystemsCannotBeMounted();
if (cannotMount) console.warn(`full-disk tests skipped: ${cannotMount}`);

interface Answer {
  status: number;
  type?: string;
  isProblem: boolean;
  retryAfter: string | null;
  id?: number;
}

/** A new road through the editing API. */
async function createRoad(server: ServerProcess, admin: Record<string, string>, seed: number): Promise<Answer> {
  const response = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
    method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature('road_segments', seed)),
  });
  const body = await response.json();
  const isProblem = (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
  return { status: response.status, isProblem, retryAfter: response.headers.get('retry-after'), ...(isProblem ? { type: body.type } : { id: body.id }) };
}

/** Every acknowledged road is stored, and every road's history has exactly one row per version. */
async function expectNothingLostOrHalfApplied(pool: pg.Pool, answers: readonly Answer[]): Promise<void> {
  const acknowledged = answers.filter((answer) => answer.status === 201).map((answer) => answer.id!);
  const stored = await pool.query<{ id: number }>('SELECT id FROM road_segments WHERE id = ANY($1)', [acknowledged]);
  expect(stored.rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
  const unmatched = await pool.query(
    "SELECT r.id FROM road_segments r WHERE r.version <> (SELECT count(*) FROM feature_history h WHERE h.layer = 'road_segments' AND h.feature_id = r.id) AND EXISTS (SELECT 1 FROM feature_history h WHERE h.layer = 'road_segments' AND h.feature_id = r.id)",
  );
  expect(unmatched.rows).toEqual([]);
  const orphans = await pool.query("SELECT h.feature_id FROM feature_history h WHERE h.layer = 'road_segments' AND h.operation = 'create' AND NOT EXISTS (SELECT 1 FROM road_segments r WHERE r.id = h.feature_id)");
  expect(orphans.rows).toEqual([]);
}

/** Every answer is a 201 or a 503 problem of one of `types` with Retry-After, and at least one is a 503. */
function expectOnlyCreatedOrUnavailable(answers: readonly Answer[], types: readonly string[]): void {
  expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 503)).toEqual([]);
  const refused = answers.filter((answer) => answer.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.filter((answer) => !answer.isProblem || !types.includes(answer.type!) || answer.retryAfter === null)).toEqual([]);
}

/** Stops what a describe block started, each step whatever the previous one did (a cluster may already be down). */
async function tearDown(server: ServerProcess | undefined, pool: pg.Pool | undefined, cluster: EmbeddedCluster | undefined, disk: SmallFilesystem | undefined): Promise<void> {
  await server?.stop();
  await pool?.end().catch(() => undefined);
  try {
    cluster?.stop();
  } catch {
    // Already stopped (PostgreSQL stops itself when its WAL cannot be written).
  }
  disk?.unmount();
}

describe.skipIf(cannotMount !== undefined)('a full disk', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'casa-sig-full-disk-'));
    chmodSync(folder, 0o755);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  describe('under the data files', () => {
    let disk: SmallFilesystem;
    let cluster: EmbeddedCluster;
    let pool: pg.Pool;
    let server: ServerProcess;
    let admin: Record<string, string>;
    let ids: FixtureIds;

    beforeAll(async () => {
      disk = mountSmallFilesystem(join(folder, 'data-disk'), 48);
      const tablespace = join(disk.path, 'tablespace');
      prepareDirectory(tablespace);
      cluster = await startEmbeddedCluster({ dataDir: join(folder, 'data-pg'), port: ownClusterPort(), database: 'postgres', isDurable: false, log: () => undefined });
      const maintenance = new pg.Client({ connectionString: cluster.connectionString });
      await maintenance.connect();
      await maintenance.query(`CREATE TABLESPACE small_disk LOCATION ${pg.escapeLiteral(tablespace)}`);
      await maintenance.query('CREATE DATABASE casa_sig_full_disk TABLESPACE small_disk');
      await maintenance.end();
      const url = cluster.connectionString.replace(/\/postgres$/, '/casa_sig_full_disk');
      pool = createPool({ connectionString: url, max: 2, statementTimeoutMs: 30_000, applicationName: 'full-disk-test' });
      await applyMigrations(pool);
      ids = await insertFixtureRows(pool);
      admin = await sessionHeaders(pool, 'full-disk-admin', 'admin');
      server = await startServerProcess(url, { QUERY_RATE_PER_MINUTE: '0' });
    }, 120_000);
    afterAll(() => tearDown(server, pool, cluster, disk));

    it('refuses writes with a 503 storage-full, changes nothing, keeps serving reads, and writes again once there is room', async () => {
      disk.fill();
      expect(disk.freeBytes()).toBe(0);
      const answers: Answer[] = [];
      for (let seed = 0; seed < 20; seed += 1) answers.push(await createRoad(server, admin, seed));
      expectOnlyCreatedOrUnavailable(answers, ['storage-full']);
      expect(answers.find((answer) => answer.status === 503)?.retryAfter).toBe('60');
      // The operator is told plainly, once per refusal, in the server's log.
      expect(server.output()).toContain('request refused: database storage full');
      const item = await fetch(`${server.url}/ogc/collections/road_segments/items/${ids.road_segments}`);
      expect(item.status).toBe(200);
      const tile = tileForLonLat(CENTRE[0], CENTRE[1], 16);
      expect((await fetch(`${server.url}/tiles/road_segments/16/${tile.x}/${tile.y}.mvt`)).status).toBe(200);
      await expectNothingLostOrHalfApplied(pool, answers);

      disk.free();
      const after = await createRoad(server, admin, 100);
      expect(after.status).toBe(201);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await expectNothingLostOrHalfApplied(pool, [...answers, after]);
    });
  });

  describe('under the WAL', () => {
    let disk: SmallFilesystem;
    let options: EmbeddedClusterOptions;
    let cluster: EmbeddedCluster;
    let pool: pg.Pool;
    let server: ServerProcess;
    let admin: Record<string, string>;

    beforeAll(async () => {
      disk = mountSmallFilesystem(join(folder, 'wal-disk'), 80);
      options = {
        // Durable, as a city's database runs: with synchronous commit off, PostgreSQL acknowledges a commit
        // before its WAL is written, and a PANIC on a full WAL disk loses it by design.
        dataDir: join(folder, 'wal-pg'), walDir: join(disk.path, 'wal'), port: ownClusterPort(), database: 'casa_sig_full_wal', isDurable: true,
        log: () => undefined, extraSettings: ['min_wal_size = 32MB', 'max_wal_size = 64MB'],
      };
      cluster = await startEmbeddedCluster(options);
      pool = createPool({ connectionString: cluster.connectionString, max: 2, statementTimeoutMs: 30_000, applicationName: 'full-wal-test' });
      pool.on('error', () => undefined);
      await applyMigrations(pool);
      await insertFixtureRows(pool);
      admin = await sessionHeaders(pool, 'full-wal-admin', 'admin');
      server = await startServerProcess(cluster.connectionString, { QUERY_RATE_PER_MINUTE: '0' });
    }, 120_000);
    afterAll(() => tearDown(server, pool, cluster, disk));

    it('stops PostgreSQL, answers 503 meanwhile, and loses nothing acknowledged once there is room and it is started again', async () => {
      disk.fill();
      const answers: Answer[] = [];
      let isDown = false;
      // Writes go on; each round also closes the WAL segment, so that the next one must be created.
      for (let seed = 0; seed < 40 && !isDown; seed += 1) {
        answers.push(await createRoad(server, admin, seed));
        isDown = await pool.query('SELECT pg_switch_wal()').then(() => false, () => true);
      }
      expect(isDown).toBe(true);
      // PostgreSQL stopped itself (PANIC, then a restart that needs WAL room too): it stays down.
      expect(await until(() => pool.query('SELECT 1').then(() => false, (error: { code?: string }) => error.code === 'ECONNREFUSED'))).toBe(true);
      for (let seed = 100; seed < 103; seed += 1) answers.push(await createRoad(server, admin, seed));
      // Refused either by the backend that could not create a WAL file (storage-full) or while PostgreSQL is down.
      expectOnlyCreatedOrUnavailable(answers, ['storage-full', 'database-unavailable']);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);

      // An operator makes room and starts PostgreSQL; the server needs nothing.
      disk.free();
      cluster = await startEmbeddedCluster(options);
      expect(await until(async () => (await fetch(`${server.url}/readyz`)).status === 200)).toBe(true);
      const after = await createRoad(server, admin, 200);
      expect(after.status).toBe(201);
      await expectNothingLostOrHalfApplied(pool, [...answers, after]);
    });
  });
});
