import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensurePostgis, ensurePostgresBinDir, isRoot } from './system-packages.ts';

/**
 * A PostgreSQL + PostGIS cluster owned by casa-sig: the user's durable data when DATABASE_URL is unset, or
 * a throwaway cluster for the tests. initdb and postgres refuse to run as root, so as root every command
 * runs as the `postgres` system user (STACK.md).
 */
export interface EmbeddedClusterOptions {
  dataDir: string;
  port: number;
  database: string;
  /** false only for throwaway test clusters: fsync and synchronous commit off. */
  isDurable: boolean;
  log: (message: string) => void;
  /** More postgresql.conf lines (`name = value`), written with the others at every start. */
  extraSettings?: readonly string[];
  /** Where the WAL lives when not in the data directory's pg_wal (initdb --waldir; used when initialising only). */
  walDir?: string;
}

export interface EmbeddedCluster {
  connectionString: string;
  dataDir: string;
  /** Stops the server if this process started it; a cluster that was already running is left running. */
  stop(): void;
}

const SUPERUSER = 'casa_sig';
const PASSWORD_FILE = 'casa-sig.password';
const SETTINGS_FILE = 'casa-sig.conf';

/** Runs a PostgreSQL program (as the postgres user when root); `env` is added to this process's environment. */
export function runPostgresTool(binDir: string, tool: string, args: string[], env: Record<string, string> = {}): string {
  const command = isRoot() ? 'runuser' : `${binDir}/${tool}`;
  const commandArgs = isRoot() ? ['-u', 'postgres', '--', `${binDir}/${tool}`, ...args] : args;
  const result = spawnSync(command, commandArgs, { cwd: '/', encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

/** Creates the directory and, as root, hands it to the postgres user. */
export function prepareDirectory(path: string): void {
  // Parents stay world-traversable (0755) so the postgres user can reach the leaf, which is private.
  mkdirSync(dirname(path), { recursive: true });
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  if (isRoot()) {
    chownSync(path, ...postgresIds());
  }
}

/** As root, whether the postgres user can reach a directory (a checkout under /root is mode 0700). */
export function isReachableByPostgresUser(path: string): boolean {
  if (!isRoot()) return true;
  let existing = path;
  while (!existsSync(existing)) existing = dirname(existing);
  return spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', existing], { cwd: '/' }).status === 0;
}

function initialise(binDir: string, options: EmbeddedClusterOptions): void {
  prepareDirectory(options.dataDir);
  if (options.walDir) prepareDirectory(options.walDir);
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password from a file that the postgres user must be able to open.
  const passwordDir = mkdtempSync(join(tmpdir(), 'casa-sig-initdb-'));
  const passwordFile = join(passwordDir, 'password');
  writeFileSync(passwordFile, password, { mode: 0o600 });
  if (isRoot()) {
    chownSync(passwordDir, ...postgresIds());
    chownSync(passwordFile, ...postgresIds());
  }
  try {
    options.log(`initialising a PostgreSQL cluster in ${options.dataDir}`);
    runPostgresTool(binDir, 'initdb', [
      '-D', options.dataDir, '-U', SUPERUSER, `--pwfile=${passwordFile}`,
      '--auth-local=scram-sha-256', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8',
      ...(options.walDir ? [`--waldir=${options.walDir}`] : []),
    ]);
  } finally {
    rmSync(passwordDir, { recursive: true, force: true });
  }
  writeFileSync(join(options.dataDir, PASSWORD_FILE), password, { mode: 0o600 });
  const conf = join(options.dataDir, 'postgresql.conf');
  writeFileSync(conf, `${readFileSync(conf, 'utf8')}\ninclude_if_exists = '${SETTINGS_FILE}'\n`);
}

function postgresIds(): [number, number] {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return [uid, gid];
}

/** Settings rewritten at every start so a change of port or durability takes effect. */
function writeSettings(options: EmbeddedClusterOptions): void {
  const durability = options.isDurable
    ? ['fsync = on', 'synchronous_commit = on', 'full_page_writes = on']
    : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'];
  const lines = [
    '# Written by casa-sig at every start; edit server/db/embedded-cluster.ts instead.',
    `port = ${options.port}`,
    "listen_addresses = '127.0.0.1'",
    // TCP only: a socket path under the project could exceed the 107-byte limit on Unix sockets.
    "unix_socket_directories = ''",
    'max_connections = 100',
    'shared_buffers = 256MB',
    'work_mem = 16MB',
    'jit = off',
    ...durability,
    ...(options.extraSettings ?? []),
  ];
  const path = join(options.dataDir, SETTINGS_FILE);
  writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
  if (isRoot()) chownSync(path, ...postgresIds());
}

function isRunning(binDir: string, dataDir: string): boolean {
  try {
    runPostgresTool(binDir, 'pg_ctl', ['status', '-D', dataDir]);
    return true;
  } catch {
    return false;
  }
}

/** Port of a running cluster, from the 4th line of postmaster.pid. */
function runningPort(dataDir: string): number {
  const lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  return Number(lines[3]);
}

/** Starts (initialising on first use) the cluster and makes sure the database and PostGIS exist. */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const { binDir, major } = ensurePostgresBinDir(options.log);
  ensurePostgis(major, options.log);
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) initialise(binDir, options);

  let port = options.port;
  const wasRunning = isRunning(binDir, options.dataDir);
  // Every file of the data directory belongs to the postgres user, or pg_basebackup cannot copy it (a standby).
  if (isRoot()) chownSync(join(options.dataDir, PASSWORD_FILE), ...postgresIds());
  if (wasRunning) {
    port = runningPort(options.dataDir);
    options.log(`reusing the PostgreSQL cluster already running on port ${port}`);
  } else {
    writeSettings(options);
    options.log(`starting PostgreSQL ${major} on 127.0.0.1:${port}`);
    runPostgresTool(binDir, 'pg_ctl', ['start', '-D', options.dataDir, '-w', '-t', '60', '-l', join(options.dataDir, 'server.log')]);
  }

  const password = readFileSync(join(options.dataDir, PASSWORD_FILE), 'utf8').trim();
  const base = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await createDatabaseIfMissing(`${base}/postgres`, options.database);

  let isStopped = wasRunning;
  return {
    connectionString: `${base}/${options.database}`,
    dataDir: options.dataDir,
    stop() {
      if (isStopped) return;
      isStopped = true;
      runPostgresTool(binDir, 'pg_ctl', ['stop', '-D', options.dataDir, '-m', 'fast', '-w']);
    },
  };
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
