import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { countContents, holdsData, restoreDatabase } from '../server/db/backup.ts';
import { applyMigrations } from '../server/db/migrate.ts';
import { ident } from '../server/db/sql.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { runWithDatabase } from './cli-database.ts';

/**
 * npm run db:restore -- <file> [--replace]: restores a backup of npm run db:backup into the database (the
 * embedded cluster, or DATABASE_URL), in one transaction, then applies the migrations newer than the
 * backup. A database that already holds features, history, accounts or keys is left alone unless
 * --replace says to overwrite it. Stop the server first.
 */
const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file || args.includes('--help')) {
  console.log('Usage: npm run db:restore -- <file> [--replace]');
  process.exit(file ? 0 : 1);
}
if (!existsSync(file)) {
  console.error(`error: no backup file at ${resolve(file)}`);
  process.exit(1);
}

await runWithDatabase(async ({ pool }) => {
  const registry = new LayerRegistry();
  const tables = Object.fromEntries(registry.layers.map((layer) => [layer.id, ident(layer.table.schema, layer.table.name)]));
  if (holdsData(await countContents(pool, tables)) && !args.includes('--replace')) {
    throw new Error('the database already holds data; restore into an empty database, or add --replace to overwrite it');
  }
  await restoreDatabase(pool, resolve(file));
  const applied = await applyMigrations(pool);
  const contents = await countContents(pool, tables);
  const features = Object.entries(contents.features).map(([layer, rows]) => `${layer} ${rows}`).join(', ');
  console.log(`restored ${resolve(file)}: ${features}; ${contents.historyRows} history rows; ${contents.accounts} accounts; ${contents.apiKeys} API keys${applied.length ? `; then applied ${applied.join(', ')}` : ''}`);
}, { isMigrated: false });
