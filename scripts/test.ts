import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { ensureChromium, ensureGdal, ensurePostgis, ensurePostgresBinDir } from '../server/db/system-packages.ts';

/**
 * `npm test`: every test, on a fresh machine, with nothing installed by hand. Installs PostGIS, Chromium
 * and GDAL (for the OGC API client test) from Debian's packages when missing (as root), typechecks, lints and checks for dead code,
 * builds the client for the browser tests, then runs the unit, integration and browser projects. Vitest's own summary line is not one CI
 * tools read, so the run ends with a plain "N passed, N failed" line.
 */
const log = (message: string) => console.log(`[test] ${message}`);
const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name);

function run(command: string, args: string[]): number {
  log(`${command.replace(`${PROJECT_ROOT}/`, '')} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' }).status ?? 1;
}

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const { major } = ensurePostgresBinDir(log);
ensurePostgis(major, log);
ensureChromium(log);
ensureGdal(log);

if (run(bin('tsc'), ['-p', '.']) !== 0) {
  console.error('[test] typecheck failed');
  process.exit(1);
}
// Lint (Biome, no `any`) and dead code (knip) over server/, scripts/ and tests/ (biome.json, knip.json).
if (run(bin('biome'), ['lint', '--error-on-warnings']) !== 0 || run(bin('knip'), []) !== 0) {
  console.error('[test] lint or dead-code check failed');
  process.exit(1);
}
if (run(bin('vite'), ['build', '--logLevel', 'warn']) !== 0) {
  console.error('[test] client build failed');
  process.exit(1);
}

const reportDir = mkdtempSync(join(tmpdir(), 'casa-sig-report-'));
const reportFile = join(reportDir, 'vitest.json');
const extraArgs = process.argv.slice(2);
const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extraArgs]);
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJsonReport;
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\n0 passed, 1 failed');
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(status);
