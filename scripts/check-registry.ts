import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { checkRegistryAgainstDatabase } from '../server/layers/registry-check.ts';
import { LayerRegistry } from '../server/layers/registry.ts';

/**
 * `npm run check:registry`: the start-up check on its own. Opens the configured database (DATABASE_URL or
 * the embedded cluster), applies pending migrations and compares every registry layer with its table.
 */
const database = await openDatabase(loadConfig(), (message) => console.log(message));
try {
  const registry = new LayerRegistry();
  await checkRegistryAgainstDatabase(database.pool, registry);
  console.log(`registry matches the database: ${registry.ids.join(', ')}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
