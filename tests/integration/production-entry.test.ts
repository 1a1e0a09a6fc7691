import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { readMigrations } from '../../server/db/migrate.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startServerProcess } from '../helpers/server-process.ts';

/** Runs a TypeScript entry point of the project to its end (bounded), with the given environment. */
function run(script: string, env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const environment: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'info', ...env };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, script)], {
      cwd: PROJECT_ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish:\n${output}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

let database: ScratchDatabase;

beforeAll(async () => {
  database = await createScratchDatabase({ isMigrated: false });
});
afterAll(async () => {
  await database?.drop();
});

describe('operations off the serving path', () => {
  it('npm run db:migrate migrates; the production entry point then serves, and refuses a database that is behind', async () => {
    const refusedEmpty = await run('server/production.ts', { DATABASE_URL: database.url });
    expect(refusedEmpty.code).toBe(1);
    expect(refusedEmpty.output).toContain('0001_extensions.sql');
    expect(refusedEmpty.output).toContain('npm run db:migrate');

    const migrated = await run('scripts/db-migrate.ts', { DATABASE_URL: database.url });
    expect(migrated.code, migrated.output).toBe(0);
    for (const migration of readMigrations()) expect(migrated.output).toContain(`applied migration ${migration.name}`);
    expect((await run('scripts/db-migrate.ts', { DATABASE_URL: database.url })).output).not.toContain('applied migration');

    const server = await startServerProcess(database.url);
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(Number((await database.pool.query('SELECT count(*) FROM admin_areas')).rows[0].count)).toBe(0);

    const last = readMigrations().at(-1)!.name;
    await database.pool.query('DELETE FROM schema_migrations WHERE name = $1', [last]);
    const behind = await run('server/production.ts', { DATABASE_URL: database.url });
    expect(behind.code).toBe(1);
    expect(behind.output).toContain(`1 migration(s) pending (${last})`);
  });

  it('refuses to start without DATABASE_URL rather than starting or installing a database', async () => {
    const refused = await run('server/production.ts', { DATABASE_URL: undefined });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('DATABASE_URL is not set');
  });
});
