/**
 * `npm run import:gtfs -- <feed.zip> [--approximate] [--dry-run] [--lang fr|ar|en] [--max-issues N]`
 *
 * Imports a zipped GTFS feed in place of the current one, all or nothing, and prints what was written or
 * every reason (file, line, field) why nothing was. Exit code: 0 imported (or dry run passed), 1 refused,
 * 2 usage. The database is DATABASE_URL when set, otherwise the embedded cluster (started if needed).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { formatGtfsReport } from '../server/mobility/format-gtfs-report.ts';
import { importGtfs } from '../server/mobility/import-gtfs.ts';

const USAGE = `usage: npm run import:gtfs -- <feed.zip> [--approximate] [--dry-run] [--lang fr|ar|en] [--max-issues N]
  --approximate   stop positions are not surveyed (flag the map features so)
  --dry-run       check and write everything, then roll back
  --lang          language of the report (default fr)
  --max-issues    issues listed before the summary (default 30)`;

/** node:util parseArgs over the command's options (throws on an unknown or malformed one). */
function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      approximate: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      lang: { type: 'string', default: 'fr' },
      'max-issues': { type: 'string', default: '30' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    console.error(`import:gtfs: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const language = values.lang;
  const maxIssues = Number(values['max-issues']);
  if (positionals.length !== 1 || (language !== 'fr' && language !== 'ar' && language !== 'en') || !Number.isInteger(maxIssues) || maxIssues < 0) {
    console.error(`import:gtfs: one feed file, a language among fr, ar, en and a whole number of issues are expected\n\n${USAGE}`);
    return 2;
  }
  const database = await openDatabase(loadConfig(), (message) => console.error(`import:gtfs: ${message}`));
  try {
    const report = await importGtfs(database.pool, new LayerRegistry(), positionals[0]!, {
      isApproximate: values.approximate === true,
      isDryRun: values['dry-run'] === true,
      onProgress: (message) => console.error(`import:gtfs: ${message}`),
    });
    const text = formatGtfsReport(report, language, maxIssues);
    if (report.status === 'rejected') console.error(text);
    else console.log(text);
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`import:gtfs: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
