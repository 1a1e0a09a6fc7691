import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { CENTRE, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { untilStatementsWaitOnLock } from '../helpers/lock-waits.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { until } from '../helpers/until.ts';

/**
 * Faults, in a short bounded form: a PostgreSQL cluster of this file's own is stopped and started again
 * while a server process is under load, its backends are killed mid-transaction, and the server is
 * stopped with SIGTERM during a request. Nothing but 503 with Retry-After during the outage, recovery by
 * itself, no acknowledged edit lost and none half-applied, the tile cache rebuilt, in-flight requests
 * drained.
 */
let folder: string;
let cluster: EmbeddedCluster;
let port: number;
let pool: pg.Pool;
let server: ServerProcess;
let admin: Record<string, string>;
const roads: number[] = [];

const clusterOptions = () => ({ dataDir: join(folder, 'pg'), port, database: 'casa_sig_faults', isDurable: false, log: () => undefined });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'casa-sig-faults-'));
  chmodSync(folder, 0o755);
  port = 50_000 + Math.floor(Math.random() * 5_000);
  cluster = await startEmbeddedCluster(clusterOptions());
  pool = createPool({ connectionString: cluster.connectionString, max: 2, statementTimeoutMs: 30_000, applicationName: 'fault-test' });
  pool.on('error', () => undefined);
  await applyMigrations(pool);
  await insertFixtureRows(pool);
  admin = await sessionHeaders(pool, 'fault-admin', 'admin');
  // No rate budget: the load below comes from one address, and this file is about faults.
  server = await startServerProcess(cluster.connectionString, { DB_STATEMENT_TIMEOUT_MS: '5000', QUERY_RATE_PER_MINUTE: '0' });
  for (let seed = 0; seed < 4; seed += 1) {
    const response = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
      method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature('road_segments', seed)),
    });
    roads.push((await response.json()).id);
  }
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await pool?.end();
  cluster?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

interface Answer {
  status: number;
  isProblem: boolean;
  retryAfter: string | null;
}

/** Mixed traffic until stopped: public tiles, item lists, searches, and edits with If-Match. */
function startLoad(workers = 6) {
  const answers: Answer[] = [];
  const failures: string[] = [];
  const acknowledged: { id: number; version: number }[] = [];
  let isRunning = true;
  const record = async (response: Response) => {
    answers.push({ status: response.status, isProblem: (response.headers.get('content-type') ?? '').startsWith('application/problem+json'), retryAfter: response.headers.get('retry-after') });
    await response.arrayBuffer();
  };
  const step = async (worker: number, round: number) => {
    const kind = (worker + round) % 4;
    if (kind === 0) {
      const tile = tileForLonLat(CENTRE[0] + (round % 7) * 0.003, CENTRE[1], 16);
      await record(await fetch(`${server.url}/tiles/road_segments/16/${tile.x}/${tile.y}.mvt`, { headers: { 'Accept-Encoding': 'gzip' } }));
    } else if (kind === 1) {
      await record(await fetch(`${server.url}/ogc/collections/road_segments/items?limit=5`));
    } else if (kind === 2) {
      await record(await fetch(`${server.url}/api/search?q=zerktouni`));
    } else {
      const id = roads[round % roads.length]!;
      const read = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, { headers: admin });
      if (read.status !== 200) return record(read);
      const feature = await read.json();
      const written = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, {
        method: 'PATCH',
        headers: { ...admin, 'If-Match': read.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ properties: { width_m: (feature.properties.width_m % 100) + 1 } }),
      });
      if (written.status === 200) acknowledged.push({ id, version: Number(/^"v(\d+)\./.exec(written.headers.get('etag')!)![1]) });
      await record(written);
    }
  };
  const running = Promise.all(Array.from({ length: workers }, async (_, worker) => {
    for (let round = 0; isRunning; round += 1) {
      try {
        await step(worker, round);
      } catch (error) {
        failures.push(String((error as { cause?: unknown }).cause ?? error));
      }
    }
  }));
  return {
    answers, failures, acknowledged,
    async stop() {
      isRunning = false;
      await running;
    },
  };
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Every acknowledged edit is in the history, and each feature's version is exactly its history's length. */
async function expectNothingLostOrHalfApplied(acknowledged: readonly { id: number; version: number }[]): Promise<void> {
  const history = await pool.query<{ feature_id: number; version: number }>("SELECT feature_id, version FROM feature_history WHERE layer = 'road_segments'");
  const recorded = new Set(history.rows.map((row) => `${row.feature_id}:${row.version}`));
  for (const edit of acknowledged) expect(recorded.has(`${edit.id}:${edit.version}`), `edit ${edit.id} v${edit.version}`).toBe(true);
  const versions = await pool.query<{ id: number; version: number; history: number }>(
    "SELECT r.id, r.version, (SELECT count(*)::int FROM feature_history h WHERE h.layer = 'road_segments' AND h.feature_id = r.id) AS history FROM road_segments r WHERE r.id = ANY($1)",
    [roads],
  );
  for (const row of versions.rows) expect(row.history, `road ${row.id}`).toBe(row.version);
}

function expectOnlyServiceUnavailable(answers: readonly Answer[]): void {
  const faults = answers.filter((answer) => answer.status >= 500);
  expect(faults.filter((answer) => answer.status !== 503)).toEqual([]);
  expect(faults.filter((answer) => !answer.isProblem || answer.retryAfter === null)).toEqual([]);
  expect(answers.filter((answer) => answer.status >= 400 && !answer.isProblem)).toEqual([]);
}

describe('database faults', () => {
  it('survives a database restart under load: 503 with Retry-After meanwhile, back by itself, nothing lost', async () => {
    const load = startLoad();
    await pause(800);
    cluster.stop();
    await pause(300);
    const during = await Promise.all([fetch(`${server.url}/readyz`), fetch(`${server.url}/healthz`), fetch(`${server.url}/ogc/collections/road_segments/items?limit=1`)]);
    expect(during.map((response) => response.status)).toEqual([503, 200, 503]);
    expect(during[2]!.headers.get('retry-after')).toBe('5');
    await pause(1_000);
    cluster = await startEmbeddedCluster(clusterOptions());
    expect(await until(async () => (await fetch(`${server.url}/readyz`)).status === 200)).toBe(true);
    const answeredBefore = load.answers.length;
    expect(await until(async () => load.answers.slice(answeredBefore).filter((answer) => answer.status === 200).length > 20)).toBe(true);
    await load.stop();

    expect(load.failures).toEqual([]);
    expectOnlyServiceUnavailable(load.answers);
    expect(load.answers.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
    expect(load.acknowledged.length).toBeGreaterThan(0);
    await expectNothingLostOrHalfApplied(load.acknowledged);
  });

  it('caches tiles again once the invalidation channel is back, and an edit still refreshes them', async () => {
    const [lon, lat] = CENTRE;
    const tile = tileForLonLat(lon, lat, 16);
    const path = `${server.url}/tiles/road_segments/16/${tile.x}/${tile.y}.mvt`;
    let etag = '';
    expect(await until(async () => {
      const response = await fetch(path, { headers: { 'Accept-Encoding': 'gzip' } });
      etag = response.headers.get('etag') ?? '';
      return response.headers.get('cache-status') === 'casa-sig; hit';
    })).toBe(true);
    const id = roads[0]!;
    const read = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, { headers: admin });
    const moved = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, {
      method: 'PATCH', headers: { ...admin, 'If-Match': read.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ geometry: { type: 'LineString', coordinates: [[lon, lat], [lon + 0.0004, lat + 0.0002]] } }),
    });
    expect(moved.status).toBe(200);
    expect(await until(async () => (await fetch(path, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('etag') !== etag)).toBe(true);
  });

  it('recovers when its backends are killed mid-transaction, without a restart', async () => {
    const load = startLoad();
    await pause(600);
    await pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'casa-sig%' AND pid <> pg_backend_pid()");
    await pause(300);
    await pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'casa-sig%' AND pid <> pg_backend_pid()");
    const answeredBefore = load.answers.length;
    expect(await until(async () => load.answers.slice(answeredBefore).filter((answer) => answer.status === 200).length > 20)).toBe(true);
    await load.stop();
    expect(load.failures).toEqual([]);
    expectOnlyServiceUnavailable(load.answers);
    await expectNothingLostOrHalfApplied(load.acknowledged);
  });

  it('drains an in-flight request on SIGTERM, then exits 0', async () => {
    const locker = new pg.Client({ connectionString: cluster.connectionString });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE permits IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(`${server.url}/api/query/stats?layer=permits`);
      inFlight.catch(() => undefined);
      await untilStatementsWaitOnLock(pool);
      const stopped = server.stop();
      await pause(300);
      await locker.query('ROLLBACK');
      expect((await inFlight).status).toBe(200);
      expect(await stopped).toBe(0);
    } finally {
      await locker.end();
    }
  });
});
