import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type EmbeddedCluster, type EmbeddedClusterOptions, startEmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';

/** A PostgreSQL cluster of one test file's own, for tests that stop it, copy it or fill its disk. */
export interface OwnCluster {
  /** The file's temporary folder (the cluster's data directory is `pg` inside it); 0755 so postgres reaches it. */
  folder: string;
  options: EmbeddedClusterOptions;
  cluster: EmbeddedCluster;
  /** A small pool on the migrated database, for the test's own SQL. */
  pool: pg.Pool;
  /** Starts the cluster again after `cluster.stop()`. */
  restart(): Promise<void>;
  /** Ends the pool, stops the cluster and deletes the folder. */
  remove(): Promise<void>;
}

/** A random port of the range kept for these clusters (the shared test cluster takes 55000-59999). */
export function ownClusterPort(): number {
  return 50_000 + Math.floor(Math.random() * 5_000);
}

/**
 * Starts a throwaway cluster (fsync off) in a new temporary folder, on its own port, with `database`
 * created and migrated by the real migrations. `prepare` may adjust the options before the first start.
 */
export async function startOwnCluster(name: string, database: string, prepare?: (folder: string) => Partial<EmbeddedClusterOptions>): Promise<OwnCluster> {
  const folder = mkdtempSync(join(tmpdir(), `casa-sig-${name}-`));
  chmodSync(folder, 0o755);
  const options: EmbeddedClusterOptions = { dataDir: join(folder, 'pg'), port: ownClusterPort(), database, isDurable: false, log: () => undefined, ...prepare?.(folder) };
  const cluster = await startEmbeddedCluster(options);
  const pool = createPool({ connectionString: cluster.connectionString, max: 2, statementTimeoutMs: 30_000, applicationName: `${name}-test` });
  pool.on('error', () => undefined);
  const own: OwnCluster = {
    folder,
    options,
    cluster,
    pool,
    async restart() {
      own.cluster = await startEmbeddedCluster(options);
    },
    async remove() {
      await pool.end().catch(() => undefined);
      own.cluster.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  try {
    await applyMigrations(pool);
  } catch (error) {
    await own.remove();
    throw error;
  }
  return own;
}
