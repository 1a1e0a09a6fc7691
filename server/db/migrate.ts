import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

/** Where the forward-only migrations live: NNNN_name.sql, applied in file-name order. */
export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/** An arbitrary constant shared by every casa-sig process: one migrator at a time per database. */
const MIGRATION_LOCK_KEY = 727_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies the migrations not yet recorded in schema_migrations, each in its own transaction, under an
 * advisory lock so that two processes starting together do not race. An applied migration whose file
 * changed stops everything: migrations are forward-only, a fix is a new file.
 * Returns the names applied by this call.
 */
export async function applyMigrations(pool: pg.Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map(
        (row) => [row.name, row.checksum],
      ),
    );
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const recorded = applied.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** Names of migration files not yet applied (empty when the schema is current): used by /readyz. */
export async function pendingMigrations(pool: pg.Pool, migrations = readMigrations()): Promise<string[]> {
  const exists = await pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0].present) return migrations.map((migration) => migration.name);
  const applied = new Set((await pool.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((row) => row.name));
  return migrations.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name);
}

/** Stops with a clear message on a server without PostGIS 3.x (DATABASE_URL pointing elsewhere). */
export async function assertPostgisAvailable(pool: pg.Pool): Promise<string> {
  const result = await pool.query<{ default_version: string | null; installed_version: string | null }>(
    "SELECT default_version, installed_version FROM pg_available_extensions WHERE name = 'postgis'",
  );
  const row = result.rows[0];
  const version = row?.installed_version ?? row?.default_version ?? null;
  if (!version?.startsWith('3.')) {
    throw new MigrationError(
      version
        ? `The database server has PostGIS ${version}; casa-sig needs PostGIS 3.x`
        : 'The database server has no PostGIS extension; casa-sig needs PostGIS 3.x (Debian: postgresql-<major>-postgis-3)',
    );
  }
  return version;
}
