import type pg from 'pg';
import type { Config } from '../config.ts';
import { isReachableByPostgresUser, startEmbeddedCluster } from './embedded-cluster.ts';
import { applyMigrations, assertPostgisAvailable } from './migrate.ts';
import { createPool, SERVING_SESSION_OPTIONS } from './pool.ts';
import { createHash } from 'node:crypto';

export interface OpenDatabase {
  pool: pg.Pool;
  /** A pool on the read replica (DATABASE_REPLICA_URL), if one is configured; never migrated nor checked at start. */
  replicaPool?: pg.Pool;
  /** True when casa-sig runs its own cluster (DATABASE_URL unset). */
  isEmbedded: boolean;
  /** Closes the pool and stops the embedded cluster if this process started it. */
  close(): Promise<void>;
}

/**
 * Where the embedded cluster keeps its data. Under the project by default; as root, a checkout that the
 * postgres user cannot reach (for example under /root, mode 0700) falls back to /var/lib/casa-sig.
 */
function embeddedDataDir(config: Config, log: (message: string) => void): string {
  if (isReachableByPostgresUser(config.EMBEDDED_PG_DIR)) return config.EMBEDDED_PG_DIR;
  const fallback = `/var/lib/casa-sig/${createHash('sha256').update(config.EMBEDDED_PG_DIR).digest('hex').slice(0, 12)}`;
  log(`${config.EMBEDDED_PG_DIR} is not reachable by the postgres user; keeping the cluster in ${fallback}`);
  return fallback;
}

/**
 * Connects to DATABASE_URL (the production server) or, when it is unset, starts the embedded cluster (which
 * may install PostGIS from Debian's packages, for a newcomer's machine), and checks PostGIS. Migrates nothing.
 */
export async function connectDatabase(config: Config, log: (message: string) => void): Promise<OpenDatabase> {
  const cluster = config.DATABASE_URL
    ? undefined
    : await startEmbeddedCluster({
        dataDir: embeddedDataDir(config, log),
        port: config.EMBEDDED_PG_PORT,
        database: 'casa_sig',
        isDurable: true,
        log,
      });
  const pool = createPool({
    connectionString: config.DATABASE_URL ?? cluster!.connectionString,
    max: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: 'casa-sig',
    sessionOptions: SERVING_SESSION_OPTIONS,
    maxWaiting: config.DB_POOL_QUEUE_MAX,
  });
  // The replica may be down when the server starts: its pool connects on first use, and reads fall back meanwhile.
  const replicaPool = config.DATABASE_REPLICA_URL
    ? createPool({
        connectionString: config.DATABASE_REPLICA_URL, max: config.DB_POOL_MAX, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
        applicationName: 'casa-sig-replica', sessionOptions: SERVING_SESSION_OPTIONS, maxWaiting: config.DB_POOL_QUEUE_MAX,
      })
    : undefined;
  const close = async () => {
    await pool.end().catch(() => undefined);
    await replicaPool?.end().catch(() => undefined);
    cluster?.stop();
  };
  try {
    await assertPostgisAvailable(pool);
  } catch (error) {
    await close();
    throw error;
  }
  return { pool, ...(replicaPool ? { replicaPool } : {}), isEmbedded: cluster !== undefined, close };
}

/**
 * connectDatabase, then the pending migrations applied: what `npm start`, `npm run db:migrate` and the
 * administrative scripts use.
 */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<OpenDatabase> {
  const database = await connectDatabase(config, log);
  try {
    const applied = await applyMigrations(database.pool);
    for (const name of applied) log(`applied migration ${name}`);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
