import type pg from 'pg';
import { BadRequestError, NotFoundError } from '../http/errors.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { ApiKeyPrincipal } from './principal.ts';
import { findUnknownScopes } from './scopes.ts';
import { digestsEqual, generateApiKey } from './tokens.ts';

export interface ApiKeyRecord {
  prefix: string;
  module: string;
  description: string | null;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const KEY_COLUMNS = 'prefix, module, description, scopes, created_at, expires_at, revoked_at, last_used_at';

/** An api_keys row as KEY_COLUMNS selects it. */
interface ApiKeyRow {
  prefix: string;
  module: string;
  description: string | null;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    prefix: row.prefix,
    module: row.module,
    description: row.description,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

/** Creates a key; the full key is returned once and never stored. */
export async function createApiKey(
  pool: pg.Pool,
  registry: LayerRegistry,
  input: { module: string; scopes: readonly string[]; description?: string | undefined; expiresAt?: Date | undefined },
): Promise<{ key: string; record: ApiKeyRecord }> {
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw new BadRequestError('invalid-scopes', 'A key needs at least one scope');
  const unknown = findUnknownScopes(scopes, registry);
  if (unknown.length > 0) throw new BadRequestError('invalid-scopes', `Unknown scope(s): ${unknown.join(', ')}`);
  if (!/^[a-z0-9][a-z0-9_-]{1,63}$/.test(input.module)) {
    throw new BadRequestError('invalid-module', 'A module name is 2 to 64 lowercase letters, digits, dashes or underscores');
  }
  const { key, prefix, secretHash } = generateApiKey();
  const result = await pool.query(
    `INSERT INTO api_keys (prefix, secret_hash, module, description, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${KEY_COLUMNS}`,
    [prefix, secretHash, input.module, input.description ?? null, scopes, input.expiresAt ?? null],
  );
  return { key, record: toRecord(result.rows[0]!) };
}

export async function revokeApiKey(pool: pg.Pool, prefix: string): Promise<ApiKeyRecord> {
  const result = await pool.query(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE prefix = $1 RETURNING ${KEY_COLUMNS}`,
    [prefix],
  );
  if (!result.rows[0]) throw new NotFoundError('api-key-not-found', 'No such API key');
  return toRecord(result.rows[0]);
}

export async function listApiKeys(pool: pg.Pool): Promise<ApiKeyRecord[]> {
  return (await pool.query(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at, prefix`)).rows.map(toRecord);
}

/**
 * The principal of a live key (secret matches, not revoked, not expired), with whether its use should be
 * recorded now: last use is written at most once a minute per key, so a busy module does not turn every
 * request into a write.
 */
export async function findApiKeyPrincipal(
  pool: pg.Pool,
  prefix: string,
  secretHash: Buffer,
): Promise<{ principal: ApiKeyPrincipal; isUseToRecord: boolean } | undefined> {
  const result = await pool.query(
    `SELECT id, secret_hash, module, scopes,
            (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS is_use_to_record
       FROM api_keys
      WHERE prefix = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [prefix],
  );
  const row = result.rows[0];
  if (!row || !digestsEqual(row.secret_hash, secretHash)) return undefined;
  if (row.is_use_to_record) await pool.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.id]);
  return {
    principal: { kind: 'api_key', role: null, keyId: row.id, prefix, module: row.module, scopes: new Set(row.scopes) },
    isUseToRecord: row.is_use_to_record,
  };
}
