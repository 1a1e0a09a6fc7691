import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/open-database.ts';

/**
 * `npm run db:migrate`: applies the pending migrations (server/db/migrations, forward only) to DATABASE_URL,
 * or to the embedded cluster when it is unset, and prints each one applied. Idempotent.
 */
try {
  const database = await openDatabase(loadConfig(), (message) => console.log(message));
  await database.close();
  console.log('the database is up to date');
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
}
