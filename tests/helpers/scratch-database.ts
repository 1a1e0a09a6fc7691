import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';

export interface ScratchDatabase {
  url: string;
  pool: pg.Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own for a test that changes the schema or needs a known-empty state; created on the
 * test cluster, migrated unless `isMigrated` is false, dropped by `drop()`.
 */
export async function createScratchDatabase(options: { isMigrated?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `casa_sig_scratch_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  const pool = createPool({ connectionString: url.toString(), max: 4, statementTimeoutMs: 60_000, applicationName: 'casa-sig-test' });
  if (options.isMigrated !== false) await applyMigrations(pool);
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}
