import { spawn } from 'node:child_process';
import type pg from 'pg';
import { ensurePostgresBinDir } from './system-packages.ts';

/**
 * Backups of casa-sig's database with PostgreSQL's own tools: pg_dump's custom format (compressed, every
 * table, sequence, trigger and function, PostGIS included), restored by pg_restore in one transaction.
 * They work alike on the embedded cluster and on DATABASE_URL; the password travels in the environment,
 * never on a command line that other users could read.
 */

/** libpq environment for a pool's database (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE). */
export function libpqEnvironment(pool: pg.Pool): Record<string, string> {
  const options = pool.options;
  const url = options.connectionString ? new URL(options.connectionString) : undefined;
  const decoded = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
  const environment: Record<string, string | undefined> = {
    PGHOST: url?.searchParams.get('host') ?? (url?.hostname || undefined) ?? options.host,
    PGPORT: url?.port || (options.port ? String(options.port) : undefined),
    PGUSER: decoded(url?.username) ?? options.user,
    PGPASSWORD: decoded(url?.password) ?? (typeof options.password === 'string' ? options.password : undefined),
    PGDATABASE: decoded(url?.pathname.slice(1)) ?? options.database,
    PGSSLMODE: url?.searchParams.get('sslmode') ?? undefined,
  };
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/** Runs a PostgreSQL client tool; its error output is kept for the message when it fails. */
function runTool(tool: string, args: string[], environment: Record<string, string>): Promise<void> {
  const { binDir } = ensurePostgresBinDir(() => undefined);
  return new Promise((resolve, reject) => {
    const child = spawn(`${binDir}/${tool}`, args, { env: { ...process.env, ...environment }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-20_000)));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}):\n${errors.trim()}`))));
  });
}

/** The tools must not be older than the server (pg_dump refuses to dump a newer server). */
async function assertToolsCanReach(pool: pg.Pool): Promise<void> {
  const serverMajor = Math.floor(Number((await pool.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000);
  const { major } = ensurePostgresBinDir(() => undefined);
  if (major < serverMajor) throw new Error(`the PostgreSQL ${major} tools on this machine cannot dump or restore a PostgreSQL ${serverMajor} server; install PostgreSQL ${serverMajor}'s client`);
}

/** Writes the whole database to `file` (pg_dump custom format). */
export async function backupDatabase(pool: pg.Pool, file: string): Promise<void> {
  await assertToolsCanReach(pool);
  await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], libpqEnvironment(pool));
}

/** What a backup holds, as people count it: features per layer, history rows and accounts. */
export interface DatabaseContents {
  features: Record<string, number>;
  historyRows: number;
  accounts: number;
  apiKeys: number;
}

/** Rows of the tables that hold the city's data, for the summary of a backup or a restore (0 for a missing table). */
export async function countContents(pool: pg.Pool, layerTables: Readonly<Record<string, string>>): Promise<DatabaseContents> {
  const count = async (table: string) => {
    const exists = (await pool.query('SELECT to_regclass($1) IS NOT NULL AS exists', [table])).rows[0].exists;
    return exists ? Number((await pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count) : 0;
  };
  const features: Record<string, number> = {};
  for (const [layer, table] of Object.entries(layerTables)) features[layer] = await count(table);
  return { features, historyRows: await count('feature_history'), accounts: await count('users'), apiKeys: await count('api_keys') };
}

/** Whether a database already holds data that a restore would replace. */
export function holdsData(contents: DatabaseContents): boolean {
  return contents.historyRows + contents.accounts + contents.apiKeys + Object.values(contents.features).reduce((sum, rows) => sum + rows, 0) > 0;
}

/**
 * Restores a backup into the pool's database, all or nothing: one psql transaction first empties the
 * database (every schema of its own, with what is in them, PostGIS included) and then replays the backup
 * (pg_restore's SQL, streamed). pg_restore --clean cannot do this: it fails on partitioned tables (the tile
 * generalisation store) whose constraints are inherited. A failure anywhere leaves the database as it was.
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<void> {
  await assertToolsCanReach(pool);
  await runTool('pg_restore', ['--list', file], {});
  const schemas = (await pool.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1",
  )).rows.map((row) => row.name);
  const prelude = [
    ...schemas.map((schema) => `DROP SCHEMA ${pgIdentifier(schema)} CASCADE;`),
    'CREATE SCHEMA public;',
    '',
  ].join('\n');
  const { binDir } = ensurePostgresBinDir(() => undefined);
  const environment = { ...process.env, ...libpqEnvironment(pool) };
  await new Promise<void>((resolve, reject) => {
    const psql = spawn(`${binDir}/psql`, ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-'], { env: environment, stdio: ['pipe', 'ignore', 'pipe'] });
    const restore = spawn(`${binDir}/pg_restore`, ['--no-owner', '--no-privileges', '--file=-', file], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    const keep = (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-20_000));
    psql.stderr.on('data', keep);
    restore.stderr.on('data', keep);
    psql.stdin.on('error', () => undefined);
    psql.stdin.write(prelude);
    // psql commits when its input ends: it ends only after pg_restore succeeded; otherwise psql is stopped
    // before that, and PostgreSQL rolls the transaction back with the connection.
    restore.stdout.pipe(psql.stdin, { end: false });
    let restoreCode: number | null = null;
    restore.once('close', (code) => {
      restoreCode = code;
      if (code === 0) psql.stdin.end();
      else psql.kill('SIGTERM');
    });
    restore.once('error', reject);
    psql.once('error', reject);
    psql.once('exit', (code) => {
      if (code === 0 && restoreCode === 0) resolve();
      else reject(new Error(`the restore failed (pg_restore exit ${restoreCode}, psql exit ${code}); the database is unchanged:\n${errors.trim()}`));
    });
  });
}

function pgIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
