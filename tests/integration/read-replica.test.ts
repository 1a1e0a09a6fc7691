import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { startEmbeddedStandby } from '../../server/db/embedded-standby.ts';
import { createPool } from '../../server/db/pool.ts';
import { parseWalPosition } from '../../server/db/wal-position.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { ownClusterPort, type OwnCluster, startOwnCluster } from '../helpers/own-cluster.ts';
import { untilStatementsWaitOnLock } from '../helpers/lock-waits.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { until } from '../helpers/until.ts';

/**
 * A real primary and a real streaming replica on this machine (pg_basebackup -R of a cluster this file
 * creates), and two server processes reading from the replica (DATABASE_REPLICA_URL). Where a read was
 * answered is shown by the data: with the replica's replay paused, a change made on the primary without
 * an announcement is invisible to reads that go to the replica, and an edit through the API must be seen
 * at once (rendered on the primary) until the replica has replayed it.
 */
const DATABASE = 'casa_sig_replica';
let primary: OwnCluster;
let standby: EmbeddedCluster;
let standbyOptions: Parameters<typeof startEmbeddedStandby>[0];
let standbyPool: pg.Pool;
let editor: ServerProcess;
let reader: ServerProcess;
let admin: Record<string, string>;
let ids: FixtureIds;

const GZIP = { 'Accept-Encoding': 'gzip' };

/** Whether a server reads from the replica, by its /readyz. */
async function readsFromReplica(server: ServerProcess): Promise<boolean> {
  const response = await fetch(`${server.url}/readyz`);
  return response.status === 200 && (await response.json()).replica?.reads === 'replica';
}

beforeAll(async () => {
  primary = await startOwnCluster('replica', DATABASE);
  ids = await insertFixtureRows(primary.pool);
  admin = await sessionHeaders(primary.pool, 'replica-admin', 'admin');
  standbyOptions = {
    primaryConnectionString: primary.cluster.connectionString, dataDir: join(primary.folder, 'standby'), port: ownClusterPort(),
    database: DATABASE, isDurable: false, log: () => undefined,
  };
  standby = await startEmbeddedStandby(standbyOptions);
  standbyPool = createPool({ connectionString: standby.connectionString, max: 2, statementTimeoutMs: 30_000, applicationName: 'replica-test' });
  const settings = { DATABASE_REPLICA_URL: standby.connectionString, QUERY_RATE_PER_MINUTE: '0' };
  editor = await startServerProcess(primary.cluster.connectionString, settings);
  reader = await startServerProcess(primary.cluster.connectionString, settings);
  for (const server of [editor, reader]) {
    if (!(await until(() => readsFromReplica(server)))) throw new Error(`the server never read from the replica:\n${server.output()}`);
  }
}, 180_000);
afterAll(async () => {
  await editor?.stop();
  await reader?.stop();
  await standbyPool?.end().catch(() => undefined);
  standby?.stop();
  await primary?.remove();
});

async function pauseReplay(): Promise<void> {
  await standbyPool.query('SELECT pg_wal_replay_pause()');
  await expect.poll(async () => (await standbyPool.query('SELECT pg_get_wal_replay_pause_state() AS state')).rows[0].state).toBe('paused');
}

const resumeReplay = () => standbyPool.query('SELECT pg_wal_replay_resume()');

/**
 * Until `server` knows that the replica has replayed everything the primary had written when this was
 * called (every edit announced so far included): its next reads of any layer go to the replica. A write
 * afterwards puts a record past that position, which replay must pass.
 */
async function untilReplicaCaughtUp(server: ServerProcess): Promise<void> {
  const position = parseWalPosition((await primary.pool.query<{ position: string }>('SELECT pg_current_wal_insert_lsn()::text AS position')).rows[0]!.position);
  await primary.pool.query('SELECT txid_current()');
  await expect.poll(async () => {
    const replayed = (await (await fetch(`${server.url}/readyz`)).json()).replica?.replayed;
    return typeof replayed === 'string' && parseWalPosition(replayed) >= position;
  }, { timeout: 10_000 }).toBe(true);
}

/** The fixture road's condition in a tile answered by `server`, and how it was obtained. */
async function roadConditionInTile(server: ServerProcess, tile: { z: number; x: number; y: number }): Promise<{ condition: unknown; cacheStatus: string | null }> {
  const response = await fetch(`${server.url}/tiles/road_segments/${tile.z}/${tile.x}/${tile.y}.mvt`, { headers: GZIP });
  expect(response.status).toBe(200);
  // fetch undoes the gzip content encoding by itself.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const road = decodeTile(bytes, tile).road_segments?.find((feature) => feature.id === ids.road_segments);
  return { condition: road?.properties.condition, cacheStatus: response.headers.get('cache-status') };
}

async function roadOnServer(server: ServerProcess): Promise<{ name: string; condition: string; etag: string | null }> {
  const response = await fetch(`${server.url}/ogc/collections/road_segments/items/${ids.road_segments}`, { headers: admin });
  expect(response.status).toBe(200);
  const feature = await response.json();
  return { name: feature.properties.name_fr, condition: feature.properties.condition, etag: response.headers.get('etag') };
}

describe('a read replica beside the primary', () => {
  it('answers tiles, item reads, queries and search from the replica', async () => {
    await pauseReplay();
    try {
      // Changed on the primary only, without announcing it: a read that shows the old values came from the replica.
      await primary.pool.query("UPDATE road_segments SET name_fr = 'Rue du primaire seulement', condition = 'poor' WHERE id = $1", [ids.road_segments]);
      const tile = tileForLonLat(CENTRE[0], CENTRE[1], 17);
      expect((await roadConditionInTile(reader, tile)).condition).toBe('fair');
      expect(await roadOnServer(reader)).toMatchObject({ name: 'Boulevard Zerktouni', condition: 'fair' });
      const search = await (await fetch(`${reader.url}/api/search?q=${encodeURIComponent('Zerktouni')}&layers=road_segments`)).json();
      expect(search.results.map((result: { name: { fr: string } }) => result.name.fr)).toContain('Boulevard Zerktouni');
      const nearby = await (await fetch(`${reader.url}/api/query/nearby?layer=road_segments&lon=${CENTRE[0]}&lat=${CENTRE[1]}&radius=200`, { headers: admin })).json();
      expect(nearby.features.find((feature: { id: number }) => feature.id === ids.road_segments)?.properties.name_fr).toBe('Boulevard Zerktouni');
      const onPrimary = await primary.pool.query('SELECT name_fr FROM road_segments WHERE id = $1', [ids.road_segments]);
      expect(onPrimary.rows[0].name_fr).toBe('Rue du primaire seulement');
    } finally {
      await resumeReplay();
    }
    // Once the replica has replayed the change, the same reads show it.
    await expect.poll(async () => (await roadOnServer(reader)).name, { timeout: 10_000 }).toBe('Rue du primaire seulement');
  });

  it('never serves nor caches a tile older than an edit, on the editing server or another, while the replica lags', async () => {
    const tile = tileForLonLat(CENTRE[0], CENTRE[1], 16);
    const before = (await roadOnServer(editor)).condition;
    for (const server of [editor, reader]) {
      await expect.poll(async () => (await roadConditionInTile(server, tile)).cacheStatus, { timeout: 10_000 }).toBe('casa-sig; hit');
    }
    await pauseReplay();
    try {
      const current = await fetch(`${editor.url}/ogc/collections/road_segments/items/${ids.road_segments}`, { headers: admin });
      const condition = before === 'good' ? 'critical' : 'good';
      const edited = await fetch(`${editor.url}/ogc/collections/road_segments/items/${ids.road_segments}`, {
        method: 'PATCH',
        headers: { ...admin, 'If-Match': current.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ properties: { condition } }),
      });
      expect(edited.status).toBe(200);
      // The editing server: its very next reads show the edit (rendered on the primary), and keep showing it.
      expect((await roadConditionInTile(editor, tile)).condition).toBe(condition);
      expect(await roadOnServer(editor)).toMatchObject({ condition, etag: edited.headers.get('etag') });
      // The other server: once it has heard of the edit, never the old tile again, from its cache or the replica.
      await expect.poll(async () => (await roadConditionInTile(reader, tile)).condition, { timeout: 10_000 }).toBe(condition);
      const later = [];
      for (let attempt = 0; attempt < 20; attempt += 1) later.push(await roadConditionInTile(reader, tile), await roadConditionInTile(editor, tile));
      expect(later.map((answer) => answer.condition)).toEqual(later.map(() => condition));
      expect(later.some((answer) => answer.cacheStatus === 'casa-sig; hit')).toBe(true);
      // All this while the replica still held the old row: those tiles came from the primary.
      const onReplica = await standbyPool.query('SELECT condition FROM road_segments WHERE id = $1', [ids.road_segments]);
      expect(onReplica.rows[0].condition).toBe(before);
    } finally {
      await resumeReplay();
    }
  });

  it('falls back to the primary while the replica is down, says so in /readyz, and returns to it', async () => {
    // A read the replica is running when it goes down is answered by the primary. It is held on the
    // replica by a lock taken on the primary (replayed there), released once the replica has stopped.
    // The reader must first know that the replica has replayed the last test's edit, or it reads the primary.
    await untilReplicaCaughtUp(reader);
    const locker = await primary.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE road_segments IN ACCESS EXCLUSIVE MODE');
      // With synchronous_commit off nothing flushes the lock's WAL record soon: a segment switch does.
      await primary.pool.query('SELECT pg_switch_wal()');
      await expect.poll(async () => (await standbyPool.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'relation' AND mode = 'AccessExclusiveLock' AND relation = 'road_segments'::regclass",
      )).rows[0].n, { timeout: 10_000 }).toBe(1);
      const inFlight = fetch(`${reader.url}/ogc/collections/road_segments/items/${ids.road_segments}`, { headers: admin });
      inFlight.catch(() => undefined);
      await untilStatementsWaitOnLock(standbyPool);
      standby.stop();
      await locker.query('ROLLBACK');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect((await answer.json()).id).toBe(ids.road_segments);
    } finally {
      locker.release();
    }
    const tile = tileForLonLat(CENTRE[0], CENTRE[1], 18);
    const { condition } = await roadOnServer(reader);
    expect((await roadConditionInTile(reader, tile)).condition).toBe(condition);
    const search = await fetch(`${reader.url}/api/search?q=${encodeURIComponent('primaire')}&layers=road_segments`);
    expect(search.status).toBe(200);
    const ready = await fetch(`${reader.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).replica).toMatchObject({ state: 'down', reads: 'primary', detail: expect.stringContaining('fall back to the primary') });

    standby = await startEmbeddedStandby(standbyOptions);
    await expect.poll(() => readsFromReplica(reader), { timeout: 30_000 }).toBe(true);
    expect((await roadConditionInTile(reader, tileForLonLat(CENTRE[0], CENTRE[1], 15))).condition).toBe(condition);
  });
});
