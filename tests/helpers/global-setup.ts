import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';
import { loadSampleDataOnce } from '../../server/seed-sample-data.ts';

/**
 * Starts one throwaway PostGIS cluster for the whole test run (or uses TEST_DATABASE_URL), never the
 * user's data. Two databases are prepared by the real migrations:
 * - `databaseUrl`: empty tables; every test makes its own rows;
 * - `sampleDatabaseUrl`: the Casablanca sample data, for tests that read it as a user would (browser).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    sampleDatabaseUrl: string;
    adminDatabaseUrl: string;
  }
}

let cluster: EmbeddedCluster | undefined;
let clusterDir: string | undefined;

async function prepareDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    clusterDir = mkdtempSync(join(tmpdir(), 'casa-sig-test-'));
    chmodSync(clusterDir, 0o755); // the postgres system user must reach the data directory inside
    cluster = await startEmbeddedCluster({
      dataDir: join(clusterDir, 'pg'),
      port: 55000 + Math.floor(Math.random() * 5000),
      database: 'postgres',
      isDurable: false,
      log: () => undefined,
    });
    adminUrl = cluster.connectionString;
  }
  const databaseUrl = await prepareDatabase(adminUrl, 'casa_sig_test');
  const sampleDatabaseUrl = await prepareDatabase(adminUrl, 'casa_sig_test_sample');
  for (const url of [databaseUrl, sampleDatabaseUrl]) {
    const pool = createPool({ connectionString: url, max: 2, statementTimeoutMs: 120_000, applicationName: 'casa-sig-test-setup' });
    try {
      await applyMigrations(pool);
      if (url === sampleDatabaseUrl) await loadSampleDataOnce(pool);
    } finally {
      await pool.end();
    }
  }
  project.provide('databaseUrl', databaseUrl);
  project.provide('sampleDatabaseUrl', sampleDatabaseUrl);
  project.provide('adminDatabaseUrl', adminUrl);
}

export async function teardown(): Promise<void> {
  cluster?.stop();
  if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
}
