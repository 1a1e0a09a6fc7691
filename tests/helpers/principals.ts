import type pg from 'pg';
import { createUser } from '../../server/auth/accounts.ts';
import { createApiKey, revokeApiKey } from '../../server/auth/api-keys.ts';
import { createSession } from '../../server/auth/sessions.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';

/** The callers of the access matrix, each with the Authorization header it sends (none for the public). */
export type MatrixCaller =
  | 'public'
  | 'planner'
  | 'inspector'
  | 'admin'
  | 'read_key'
  | 'write_key'
  | 'expired_token'
  | 'revoked_key'
  | 'forged_token';

export interface MatrixCallers {
  headers: Record<MatrixCaller, Record<string, string>>;
  /** Scopes of the two live keys, for computing expectations. */
  readKeyScopes: string[];
  writeKeyScopes: string[];
}

export const TEST_PASSWORD = 'correct horse battery staple';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function sessionFor(pool: pg.Pool, username: string, role: 'planner' | 'inspector' | 'admin', areaCodes: string[] = []) {
  const user = await createUser(pool, { username, role, password: TEST_PASSWORD, areaCodes });
  return (await createSession(pool, user.id, 3600, '127.0.0.1')).token;
}

/** A new account with a live one-hour session: the headers its requests send. */
export async function sessionHeaders(
  pool: pg.Pool,
  username: string,
  role: 'planner' | 'inspector' | 'admin',
  areaCodes: string[] = [],
): Promise<Record<string, string>> {
  return bearer(await sessionFor(pool, username, role, areaCodes));
}

/**
 * Creates one account or key per matrix caller in the given database. `suffix` keeps usernames unique
 * when several test files share a database. The inspector is confined to `inspectorAreaCode`.
 */
export async function createMatrixCallers(pool: pg.Pool, suffix: string, inspectorAreaCode: string): Promise<MatrixCallers> {
  const registry = new LayerRegistry();
  const readKeyScopes = ['road_segments:read', 'permits:read', 'transit_stops:read', 'query:locate'];
  const writeKeyScopes = ['road_segments:write', 'inspections:write', 'permits:personal', 'permits:read'];
  const readKey = await createApiKey(pool, registry, { module: 'tax', scopes: readKeyScopes });
  const writeKey = await createApiKey(pool, registry, { module: 'crm', scopes: writeKeyScopes });
  const revokedKey = await createApiKey(pool, registry, { module: 'legalisation', scopes: readKeyScopes });
  await revokeApiKey(pool, revokedKey.record.prefix);

  const expired = await sessionFor(pool, `expired-${suffix}`, 'admin');
  await pool.query(
    "UPDATE sessions SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE user_id = (SELECT id FROM users WHERE username = $1)",
    [`expired-${suffix}`],
  );
  return {
    headers: {
      public: {},
      planner: bearer(await sessionFor(pool, `planner-${suffix}`, 'planner')),
      inspector: bearer(await sessionFor(pool, `inspector-${suffix}`, 'inspector', [inspectorAreaCode])),
      admin: bearer(await sessionFor(pool, `admin-${suffix}`, 'admin')),
      read_key: bearer(readKey.key),
      write_key: bearer(writeKey.key),
      expired_token: bearer(expired),
      revoked_key: bearer(revokedKey.key),
      // Well-formed but never issued.
      forged_token: bearer(`cst_${'A'.repeat(43)}`),
    },
    readKeyScopes,
    writeKeyScopes,
  };
}
