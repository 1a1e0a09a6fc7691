import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../server/config.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { createLogger, serve } from '../server/index.ts';
import { loadSampleDataOnce } from '../server/seed-sample-data.ts';

/**
 * `npm start`, everything a newcomer needs in one command: builds the client when its sources are newer
 * than the last build, starts the embedded PostGIS (installing it when missing), applies the migrations,
 * loads the sample data into an empty database (SAMPLE_DATA=auto), then serves. Production runs
 * `npm run db:migrate` once and `npm run serve` (server/production.ts), which does none of this. Once it
 * serves, a public tile archive is built when none has been published yet.
 */
function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestModification(join(path, name))));
}

function buildClientIfStale(): void {
  const builtIndex = join(PROJECT_ROOT, 'dist', 'client', 'index.html');
  const sources = [join(PROJECT_ROOT, 'client'), join(PROJECT_ROOT, 'vite.config.ts'), join(PROJECT_ROOT, 'package-lock.json')];
  const sourceTime = Math.max(...sources.filter((path) => existsSync(path)).map(newestModification));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourceTime) return;
  console.log('building the client (vite build)...');
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

/** The manifest `npm run tiles:archive` writes beside the archive it names. */
const PUBLIC_ARCHIVE_MANIFEST = 'casa-sig-public.json';

/**
 * The public map reads its layers from the tile archive, and from live tiles until one exists: on a fresh
 * clone the archive is built once the server is up (`npm run tiles:archive`, a few seconds on the sample
 * data; it reuses the running cluster), so the page works at once and draws from the archive from the next
 * load. Later edits reach the archive when it is rebuilt by hand; a failed build leaves live tiles.
 */
function buildPublicArchiveIfMissing(archiveDir: string): void {
  if (existsSync(join(archiveDir, PUBLIC_ARCHIVE_MANIFEST))) return;
  console.log('no public tile archive yet: building one (npm run tiles:archive); the map uses live tiles meanwhile');
  const build = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', 'build-tile-archive.ts')], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  build.once('exit', (code) => {
    if (code !== 0) console.log(`the tile archive was not built (exit ${code}): the public map keeps drawing live tiles`);
  });
}

try {
  buildClientIfStale();
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config, (message) => logger.info(message));
  try {
    if (config.SAMPLE_DATA === 'auto' && (await loadSampleDataOnce(database.pool))) logger.info('loaded the Casablanca sample data');
  } catch (error) {
    await database.close();
    throw error;
  }
  await serve(database, config, logger);
  buildPublicArchiveIfMissing(config.TILE_ARCHIVE_DIR);
} catch (error) {
  console.error(`casa-sig could not start: ${(error as Error).message}`);
  process.exit(1);
}
