import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { main } from '../server/index.ts';

/**
 * `npm start`: builds the client when its sources are newer than the last build, then runs the server
 * (which starts the embedded PostGIS and loads the sample data on first run).
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

try {
  buildClientIfStale();
  await main();
} catch (error) {
  console.error(`casa-sig could not start: ${(error as Error).message}`);
  process.exit(1);
}
