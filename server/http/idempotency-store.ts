import type pg from 'pg';

/**
 * The rows of `idempotency_keys` (migrations/0045_idempotency_keys.sql): one claim per caller and key,
 * then the answer it got. Each statement runs on its own (autocommit): a claim is visible to every server
 * process at once, and PostgreSQL's unique index makes concurrent claims of one key queue, one winning.
 */

/** A key as stored: the first request's fingerprint and, once answered, the answer. */
export interface IdempotencyRecord {
  fingerprint: Buffer;
  /** Null while the first request is being processed. */
  status: number | null;
  headers: Record<string, string> | null;
  body: Buffer | null;
}

/** Who holds a claim: the caller, the key, and a random token naming this attempt. */
export interface IdempotencyClaim {
  principal: string;
  key: string;
  owner: string;
}

/**
 * Claims the key for this request: a new key, a key older than the TTL, or a claim whose lease has passed
 * unanswered (same fingerprint) is taken; true when this request now holds it.
 */
export async function claimIdempotencyKey(
  pool: pg.Pool,
  claim: IdempotencyClaim & { fingerprint: Buffer; leaseSeconds: number; ttlSeconds: number },
): Promise<boolean> {
  const result = await pool.query(
    `INSERT INTO idempotency_keys AS k (principal, key, fingerprint, owner, lease_until)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
     ON CONFLICT (principal, key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,
            status = NULL, headers = NULL, body = NULL, created_at = now(), completed_at = NULL
      WHERE k.created_at < now() - make_interval(secs => $6)
         OR (k.status IS NULL AND k.lease_until < now() AND k.fingerprint = EXCLUDED.fingerprint)
     RETURNING k.owner`,
    [claim.principal, claim.key, claim.fingerprint, claim.owner, claim.leaseSeconds, claim.ttlSeconds],
  );
  return result.rows[0]?.owner === claim.owner;
}

export async function readIdempotencyKey(pool: pg.Pool, principal: string, key: string): Promise<IdempotencyRecord | undefined> {
  const result = await pool.query<{ fingerprint: Buffer; status: number | null; headers: Record<string, string> | null; body: Buffer | null }>(
    'SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE principal = $1 AND key = $2',
    [principal, key],
  );
  return result.rows[0];
}

/** Keeps the answer of the claim's holder (a claim taken over meanwhile is left to its new holder). */
export async function storeIdempotentAnswer(
  pool: pg.Pool,
  claim: IdempotencyClaim,
  answer: { status: number; headers: Record<string, string>; body: Buffer },
): Promise<void> {
  await pool.query(
    `UPDATE idempotency_keys SET status = $4, headers = $5, body = $6, completed_at = now()
      WHERE principal = $1 AND key = $2 AND owner = $3`,
    [claim.principal, claim.key, claim.owner, answer.status, JSON.stringify(answer.headers), answer.body],
  );
}

/** Gives the key back unanswered (a transient failure): the next request with it is processed afresh. */
export async function releaseIdempotencyKey(pool: pg.Pool, claim: IdempotencyClaim): Promise<void> {
  await pool.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND owner = $3 AND status IS NULL', [claim.principal, claim.key, claim.owner]);
}

/** Removes answers older than the TTL. */
export async function removeExpiredIdempotencyKeys(pool: pg.Pool, ttlSeconds: number): Promise<void> {
  await pool.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)', [ttlSeconds]);
}
