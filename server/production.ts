import { main } from './index.ts';

/**
 * `npm run serve`: casa-sig in production, on the database DATABASE_URL names, migrated beforehand with
 * `npm run db:migrate`. Exits non-zero with the reason when it cannot serve.
 */
try {
  await main();
} catch (error) {
  console.error(`casa-sig could not start: ${(error as Error).message}`);
  process.exit(1);
}
