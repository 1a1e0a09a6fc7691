import { runWithDatabase } from './cli-database.ts';
import { loadSampleDataOnce } from '../server/seed-sample-data.ts';

/**
 * `npm run db:seed`: loads the Casablanca sample data and its demo accounts, once, into a database that
 * holds no admin areas yet (never into the city's own data). Prints what it did.
 */
await runWithDatabase(async (database) => {
  const loaded = await loadSampleDataOnce(database.pool);
  console.log(loaded ? 'loaded the Casablanca sample data and the demo accounts' : 'nothing to do: the database already holds admin areas or the sample data');
});
