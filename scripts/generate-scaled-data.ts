/**
 * `tsx scripts/generate-scaled-data.ts [--database-url URL] [--road-segments N] [--permits N] [--inspections N]`
 *
 * Grows a casa-sig database to benchmark sizes (server/db/scaled-data.ts): copies of its own rows until
 * each named table holds N rows. Idempotent (tops up, never removes); loads the sample data first into an
 * empty database; prints what it changed. Exit code: 0 done, 1 failed, 2 usage.
 * Without --database-url it uses the configured database (DATABASE_URL, else the embedded cluster).
 */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { loadSampleDataOnce } from '../server/seed-sample-data.ts';
import { type ScaleTargets, generateScaledData } from '../server/db/scaled-data.ts';

const USAGE = `usage: tsx scripts/generate-scaled-data.ts [--database-url URL] [--road-segments N] [--permits N] [--inspections N]

Tops the tables up to N rows each with jittered copies of existing rows (at least one target is needed).
Example: --road-segments 150000 --permits 100000 --inspections 30000`;

/** Generous: 150,000 road segments are written by one statement. */
const STATEMENT_TIMEOUT_MS = '600000';

const TARGET_OPTIONS = { '--road-segments': 'roadSegments', '--permits': 'permits', '--inspections': 'inspections' } as const;

interface ParsedArgs {
  databaseUrl?: string;
  targets: ScaleTargets;
}

/** Parses the command line; returns an error message for anything it does not understand. */
function parseScaledDataArgs(args: readonly string[]): ParsedArgs | { error: string } | 'help' {
  const parsed: ParsedArgs = { targets: {} };
  for (let index = 0; index < args.length; index += 2) {
    const [name, value] = [args[index]!, args[index + 1]];
    if (name === '--help' || name === '-h') return 'help';
    if (value === undefined) return { error: `${name} needs a value` };
    if (name === '--database-url') {
      if (!/^postgres(ql)?:\/\//.test(value)) return { error: '--database-url must be a postgres:// or postgresql:// URL' };
      parsed.databaseUrl = value;
    } else if (name in TARGET_OPTIONS) {
      if (!/^\d+$/.test(value) || Number(value) > 50_000_000) return { error: `${name} must be a whole number up to 50000000` };
      parsed.targets[TARGET_OPTIONS[name as keyof typeof TARGET_OPTIONS]] = Number(value);
    } else {
      return { error: `unknown option ${name}` };
    }
  }
  return Object.keys(parsed.targets).length === 0 ? { error: 'give at least one of --road-segments, --permits, --inspections' } : parsed;
}

async function main(args: string[]): Promise<number> {
  const parsed = parseScaledDataArgs(args);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`generate-scaled-data: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const config = parsed.databaseUrl
    ? loadConfig({ DATABASE_URL: parsed.databaseUrl, DB_STATEMENT_TIMEOUT_MS: STATEMENT_TIMEOUT_MS, DB_POOL_MAX: '2' })
    : { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: Number(STATEMENT_TIMEOUT_MS) };
  const database = await openDatabase(config, (message) => console.log(message));
  try {
    if (await loadSampleDataOnce(database.pool)) console.log('loaded the Casablanca sample data to copy from');
    const client = await database.pool.connect();
    try {
      const started = performance.now();
      await client.query('BEGIN');
      const changes = await generateScaledData(client, parsed.targets);
      await client.query('COMMIT');
      for (const change of changes) {
        const verb = change.added === 0 ? 'unchanged' : `added ${change.added}`;
        console.log(`${change.table}: ${verb} (${change.before} -> ${change.after} rows)`);
      }
      console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`generate-scaled-data: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
