import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type EmbeddedCluster, type EmbeddedClusterOptions, prepareDirectory, runPostgresTool, startEmbeddedCluster } from './embedded-cluster.ts';
import { ensurePostgresBinDir } from './system-packages.ts';

export interface EmbeddedStandbyOptions extends Omit<EmbeddedClusterOptions, 'extraSettings'> {
  /** The running primary to copy and follow: its connection string names a superuser (replication allowed). */
  primaryConnectionString: string;
}

/**
 * Settings of the standby. With feedback, the primary's vacuum keeps the rows that the standby's running
 * queries still see, so a tile or a search on the replica is not cancelled by a conflict with recovery.
 */
const STANDBY_SETTINGS = ['hot_standby = on', 'hot_standby_feedback = on'];

/**
 * A streaming replica of a running embedded cluster, on this machine. Unless `dataDir` already holds a
 * standby (one stopped earlier, which is then just started again), `pg_basebackup -R` copies the primary
 * there (data, password file and settings, with the WAL written meanwhile) and writes standby.signal with
 * the primary's address; the copy starts as a hot standby on its own port and follows the primary from
 * then on. For the tests and the benchmark, which need a real primary and replica; in production the
 * replica is PostgreSQL's business and DATABASE_REPLICA_URL names it.
 */
export async function startEmbeddedStandby(options: EmbeddedStandbyOptions): Promise<EmbeddedCluster> {
  if (!existsSync(join(options.dataDir, 'standby.signal'))) copyPrimary(options);
  return startEmbeddedCluster({ ...options, extraSettings: STANDBY_SETTINGS });
}

function copyPrimary(options: EmbeddedStandbyOptions): void {
  const { binDir } = ensurePostgresBinDir(options.log);
  const primary = new URL(options.primaryConnectionString);
  rmSync(options.dataDir, { recursive: true, force: true });
  prepareDirectory(options.dataDir);
  options.log(`copying the primary on port ${primary.port} into a standby (pg_basebackup -R)`);
  runPostgresTool(
    binDir,
    'pg_basebackup',
    ['-D', options.dataDir, '-h', primary.hostname, '-p', primary.port, '-U', decodeURIComponent(primary.username), '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    // The password goes through the environment, never the command line (which every user can read).
    { PGPASSWORD: decodeURIComponent(primary.password) },
  );
}
