import type pg from 'pg';
import { createDemoAccounts } from './auth/demo-accounts.ts';
import { loadSampleData } from './db/sample-data.ts';
import { inTransaction } from './db/transaction.ts';

const SAMPLE_DATA_KEY = 'sample_data';

/**
 * Loads the Casablanca sample data in one transaction unless this database already holds it, so a second
 * start reuses the data and never duplicates it. The demo accounts come with it and only with it. A
 * database that already holds the city's own reference data (admin areas) is never filled with samples.
 * Returns whether it loaded anything.
 */
export async function loadSampleDataOnce(pool: pg.Pool): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    // Serialises concurrent starts: the second one waits, then sees the marker.
    await client.query('LOCK TABLE app_meta IN EXCLUSIVE MODE');
    const marker = await client.query('SELECT 1 FROM app_meta WHERE key = $1', [SAMPLE_DATA_KEY]);
    const ownData = await client.query('SELECT 1 FROM admin_areas LIMIT 1');
    if (marker.rowCount !== 0 || ownData.rowCount !== 0) return false;
    const summary = { ...(await loadSampleData(client)), demo_accounts: await createDemoAccounts(client) };
    await client.query('INSERT INTO app_meta (key, value) VALUES ($1, $2)', [
      SAMPLE_DATA_KEY,
      JSON.stringify({ loadedAt: new Date().toISOString(), ...summary }),
    ]);
    return true;
  });
}
