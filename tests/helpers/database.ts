import type pg from 'pg';
import { inject } from 'vitest';
import { createPool } from '../../server/db/pool.ts';

/** A pool on the migrated, empty test database (each test makes its own rows). */
export function createTestPool(which: 'empty' | 'sample' = 'empty'): pg.Pool {
  const connectionString = which === 'sample' ? inject('sampleDatabaseUrl') : inject('databaseUrl');
  return createPool({ connectionString, max: 4, statementTimeoutMs: 30_000, applicationName: 'casa-sig-test' });
}
