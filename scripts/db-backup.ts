import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { backupDatabase, countContents } from '../server/db/backup.ts';
import { ident } from '../server/db/sql.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { optionValue, runWithDatabase } from './cli-database.ts';

/**
 * npm run db:backup [-- --out <file>]: the whole database (the embedded cluster, or DATABASE_URL) in one
 * pg_dump file, by default .data/backups/casa-sig-<UTC time>.dump; prints what it holds.
 */
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log('Usage: npm run db:backup [-- --out <file>]   (default: .data/backups/casa-sig-<time>.dump)');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const file = resolve(optionValue(args, '--out') ?? join(PROJECT_ROOT, '.data', 'backups', `casa-sig-${stamp}.dump`));

await runWithDatabase(async ({ pool }) => {
  mkdirSync(dirname(file), { recursive: true });
  const registry = new LayerRegistry();
  const contents = await countContents(pool, Object.fromEntries(registry.layers.map((layer) => [layer.id, ident(layer.table.schema, layer.table.name)])));
  await backupDatabase(pool, file);
  const features = Object.entries(contents.features).map(([layer, rows]) => `${layer} ${rows}`).join(', ');
  console.log(`backed up to ${file} (${(statSync(file).size / 1024).toFixed(0)} KB): ${features}; ${contents.historyRows} history rows; ${contents.accounts} accounts; ${contents.apiKeys} API keys`);
}, { isMigrated: false });
