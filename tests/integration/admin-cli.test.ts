import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';

let database: ScratchDatabase;

beforeAll(async () => {
  database = await createScratchDatabase();
  await database.pool.query(
    `INSERT INTO admin_areas (level, code, name_fr, name_ar, geom)
     VALUES ('prefecture', '06.141', 'Casablanca-Anfa', 'أنفا', ST_Multi(ST_MakeEnvelope(-7.66, 33.57, -7.60, 33.61, 4326)))`,
  );
});
afterAll(async () => database?.drop());

/** Runs `npm run <script> -- args` the way an administrator would, against the scratch database. */
function runCli(script: 'users' | 'keys', args: string[], input?: string) {
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run users', () => {
  it('creates a user with the password from standard input, assigned to areas', async () => {
    const result = runCli('users', ['create', 'nadia', '--role', 'inspector', '--areas', '06.141'], 'un mot de passe solide\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('created nadia (inspector) in Casablanca-Anfa');
    expect(result.stdout).not.toContain('password');
    const row = (await database.pool.query("SELECT password_hash FROM users WHERE username = 'nadia'")).rows[0];
    expect(await verifyPassword('un mot de passe solide', row.password_hash)).toBe(true);
  });

  it('generates and prints a password once when none is given', () => {
    const result = runCli('users', ['create', 'omar', '--role', 'planner']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/password \(shown once\): [A-Za-z0-9_-]{20}/);
  });

  it('lists and disables users, and fails clearly on bad input', () => {
    // Users of its own, so that the test does not depend on the ones above.
    expect(runCli('users', ['create', 'leila', '--role', 'inspector', '--areas', '06.141'], 'un mot de passe solide\n').status).toBe(0);
    expect(runCli('users', ['create', 'yassine', '--role', 'planner'], 'un mot de passe solide\n').status).toBe(0);
    expect(runCli('users', ['disable', 'yassine']).status).toBe(0);
    const list = runCli('users', ['list']);
    expect(list.stdout).toMatch(/leila\s+inspector\s+active\s+areas=06\.141/);
    expect(list.stdout).toMatch(/yassine\s+planner\s+disabled/);
    const bad = runCli('users', ['create', 'x', '--role', 'mayor']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('usage:');
    const unknownArea = runCli('users', ['create', 'zineb', '--role', 'inspector', '--areas', '99.999'], 'un mot de passe solide');
    expect(unknownArea.status).not.toBe(0);
    expect(unknownArea.stderr).toContain('Unknown admin area code(s): 99.999');
  });
});

describe('npm run keys', () => {
  it('creates a key shown once, lists it hashed, revokes it', async () => {
    const created = runCli('keys', ['create', 'tax', '--scopes', 'permits:read,query:locate']);
    expect(created.status).toBe(0);
    const key = /\(shown once.*\): (csk_\S+)/.exec(created.stdout)![1]!;
    const prefix = key.split('_')[1]!;
    const stored = await database.pool.query('SELECT secret_hash, scopes FROM api_keys WHERE prefix = $1', [prefix]);
    expect(stored.rows[0].scopes).toEqual(['permits:read', 'query:locate']);
    expect(stored.rows[0].secret_hash.toString('latin1')).not.toContain(key.split('_').slice(2).join('_'));
    expect(runCli('keys', ['list']).stdout).toMatch(new RegExp(`${prefix} tax\\s+active`));
    expect(runCli('keys', ['revoke', prefix]).status).toBe(0);
    expect(runCli('keys', ['list']).stdout).toMatch(new RegExp(`${prefix} tax\\s+revoked`));
    const badScope = runCli('keys', ['create', 'tax', '--scopes', 'permits:admin']);
    expect(badScope.status).not.toBe(0);
    expect(badScope.stderr).toContain('Unknown scope(s): permits:admin');
  });
});
