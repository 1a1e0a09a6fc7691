import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../../server/config.ts';
import { type EmbeddedCluster, isReachableByPostgresUser, startEmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import { loadSampleDataOnce } from '../../server/seed-sample-data.ts';
import { generateScaledData, type ScaleTargets } from '../../server/db/scaled-data.ts';

/** The scaled dataset of the issue: a Casablanca-sized city. */
export const BENCH_TARGETS: Required<ScaleTargets> = { roadSegments: 150_000, permits: 100_000, inspections: 30_000 };

const BENCH_DATABASE = 'casa_sig_bench';
const MARKER_KEY = 'bench_dataset';

export interface BenchDatabaseOptions {
  /** Cluster data directory: the benchmark's own, never the user's data. */
  dataDir: string;
  port: number;
  log: (message: string) => void;
}

export interface BenchDatabase {
  url: string;
  /** Whether this run built the dataset (false: reused from an earlier run). */
  wasBuilt: boolean;
  buildSeconds: number;
  counts: Record<string, number>;
  stop(): void;
}

/** Where the benchmark cluster lives by default: under the project, or /var/lib when postgres cannot reach it. */
export function defaultBenchDataDir(): string {
  const preferred = join(PROJECT_ROOT, '.data', 'bench', 'postgres');
  return isReachableByPostgresUser(preferred) ? preferred : '/var/lib/casa-sig-bench/postgres';
}

/**
 * What the dataset depends on: the migrations, the sample data and the generator. When any of them
 * changes, the dataset is rebuilt; otherwise the next run reuses it.
 */
function datasetFingerprint(): string {
  const hash = createHash('sha256').update(JSON.stringify(BENCH_TARGETS));
  for (const migration of readMigrations()) hash.update(migration.checksum);
  const sampleDir = join(PROJECT_ROOT, 'data', 'sample');
  const sources = [
    ...readdirSync(sampleDir).filter((name) => name.endsWith('.ts')).sort().map((name) => join(sampleDir, name)),
    join(PROJECT_ROOT, 'server', 'db', 'sample-data.ts'),
    join(PROJECT_ROOT, 'server', 'db', 'scaled-data.ts'),
  ];
  for (const source of sources) hash.update(readFileSync(source));
  return hash.digest('hex');
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function readMarker(url: string): Promise<{ fingerprint: string; counts: Record<string, number> } | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query<{ value: { fingerprint: string; counts: Record<string, number> } }>(
      'SELECT value FROM app_meta WHERE key = $1',
      [MARKER_KEY],
    );
    return result.rows[0]?.value;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function recreateDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(BENCH_DATABASE)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(BENCH_DATABASE)}`);
  } finally {
    await admin.end();
  }
}

/** Migrations, sample data, then copies up to the targets (one transaction), then fresh statistics. */
async function buildDataset(url: string, fingerprint: string, log: (message: string) => void): Promise<Record<string, number>> {
  const pool = createPool({ connectionString: url, max: 2, statementTimeoutMs: 1_800_000, applicationName: 'casa-sig-bench-build' });
  try {
    await applyMigrations(pool);
    await loadSampleDataOnce(pool);
    log(`generating ${BENCH_TARGETS.roadSegments} road segments, ${BENCH_TARGETS.permits} permits, ${BENCH_TARGETS.inspections} inspections`);
    const changes = await inTransaction(pool, (client) => generateScaledData(client, BENCH_TARGETS));
    const counts = Object.fromEntries(changes.map((change) => [change.table, change.after]));
    await pool.query('VACUUM ANALYZE');
    await pool.query('INSERT INTO app_meta (key, value) VALUES ($1, $2)', [MARKER_KEY, JSON.stringify({ fingerprint, counts })]);
    return counts;
  } finally {
    await pool.end();
  }
}

/**
 * Starts the benchmark's own PostgreSQL cluster (fsync off: throwaway data) and returns its database holding
 * the scaled dataset, building it only when missing or out of date.
 */
export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const cluster: EmbeddedCluster = await startEmbeddedCluster({
    dataDir: options.dataDir, port: options.port, database: 'postgres', isDurable: false, log: options.log,
  });
  try {
    const url = databaseUrl(cluster.connectionString, BENCH_DATABASE);
    const fingerprint = datasetFingerprint();
    const marker = await readMarker(url);
    if (marker?.fingerprint === fingerprint) {
      return { url, wasBuilt: false, buildSeconds: 0, counts: marker.counts, stop: () => cluster.stop() };
    }
    options.log(marker ? 'the dataset is out of date (migrations or generator changed): rebuilding' : 'building the benchmark dataset');
    const started = performance.now();
    await recreateDatabase(cluster.connectionString);
    const counts = await buildDataset(url, fingerprint, options.log);
    return { url, wasBuilt: true, buildSeconds: (performance.now() - started) / 1000, counts, stop: () => cluster.stop() };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}
