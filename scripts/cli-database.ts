import { loadConfig } from '../server/config.ts';
import { connectDatabase, openDatabase, type OpenDatabase } from '../server/db/open-database.ts';

/**
 * Runs one administrative command against the configured database (DATABASE_URL, else the embedded
 * cluster), migrated first unless `isMigrated` is false (a backup and a restore take the schema as it is),
 * closing it afterwards; any error is printed plainly and exits non-zero.
 */
export async function runWithDatabase(command: (database: OpenDatabase) => Promise<void>, options: { isMigrated?: boolean } = {}): Promise<void> {
  let database: OpenDatabase | undefined;
  try {
    const open = options.isMigrated === false ? connectDatabase : openDatabase;
    database = await open(loadConfig(), () => undefined);
    await command(database);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

/** Value of `--name value` in argv, if present. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

/** Reads all of standard input when it is a pipe or a file; undefined on a terminal. */
export async function readPipedStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
