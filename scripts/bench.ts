import { writeFileSync } from 'node:fs';
import { BENCH_USAGE, parseBenchArgs } from './bench/bench-args.ts';
import { formatReport } from './bench/bench-report.ts';
import { runBench } from './bench/run-bench.ts';

/**
 * `npm run bench [-- --quick] [-- --json <file>]`: casa-sig's tile performance, measured in one run against
 * raw ST_AsMVT in PostgreSQL and the plain approach, on the scaled dataset in the benchmark's own cluster.
 * Progress goes to stderr, the report (Markdown tables) to stdout. Never part of `npm test`.
 * Exit code: 0 measured (whether or not every target was met), 1 failed, 2 usage.
 */
const parsed = parseBenchArgs(process.argv.slice(2));
if (parsed === 'help') {
  console.log(BENCH_USAGE);
  process.exit(0);
}
if ('error' in parsed) {
  console.error(`bench: ${parsed.error}\n\n${BENCH_USAGE}`);
  process.exit(2);
}

const started = performance.now();
const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
try {
  const report = await runBench(parsed, log);
  console.log(formatReport(report));
  if (parsed.jsonFile) {
    writeFileSync(parsed.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${parsed.jsonFile}`);
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
