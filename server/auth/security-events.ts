import type pg from 'pg';

export type SecurityEventKind =
  | 'login'
  | 'login_failed'
  | 'login_rate_limited'
  | 'logout'
  | 'key_used'
  | 'access_denied'
  | 'user_created'
  | 'user_updated'
  | 'key_created'
  | 'key_revoked'
  | 'webhook_created'
  | 'webhook_updated'
  | 'webhook_deleted';

export interface SecurityEvent {
  id: number;
  occurredAt: string;
  kind: SecurityEventKind;
  principal: string;
  address: string | null;
  detail: Record<string, unknown>;
}

/** Appends one event to the audit table. Auditing must never break the request it describes. */
export async function recordSecurityEvent(
  pool: pg.Pool | pg.PoolClient,
  event: { kind: SecurityEventKind; principal: string; address?: string | undefined; detail?: Record<string, unknown> },
): Promise<void> {
  await pool.query('INSERT INTO security_events (kind, principal, address, detail) VALUES ($1, $2, $3, $4)', [
    event.kind,
    event.principal,
    event.address ?? null,
    JSON.stringify(event.detail ?? {}),
  ]);
}

/** Newest first, keyset-paged by id. */
export async function listSecurityEvents(
  pool: pg.Pool,
  options: {
    limit: number;
    beforeId?: number | undefined;
    kind?: SecurityEventKind | undefined;
    /** Exactly this principal, as events name it (`user:amina`, `key:csk_ab12cd34`, `public`). */
    principal?: string | undefined;
    /** Events at or after this instant, and before this one. */
    since?: Date | undefined;
    until?: Date | undefined;
  },
): Promise<SecurityEvent[]> {
  const result = await pool.query(
    `SELECT id, occurred_at, kind, principal, address, detail FROM security_events
      WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR kind = $2) AND ($4::text IS NULL OR principal = $4)
        AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at < $6)
      ORDER BY id DESC LIMIT $3`,
    [options.beforeId ?? null, options.kind ?? null, options.limit, options.principal ?? null, options.since ?? null, options.until ?? null],
  );
  return result.rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    kind: row.kind,
    principal: row.principal,
    address: row.address,
    detail: row.detail,
  }));
}

/** Failed logins for a username, and from an address, within the window: the login rate limit's input. */
export async function countRecentFailedLogins(
  pool: pg.Pool,
  username: string,
  address: string | undefined,
  windowSeconds: number,
): Promise<{ forUsername: number; fromAddress: number }> {
  const result = await pool.query(
    `SELECT count(*) FILTER (WHERE detail->>'username' = $1)::integer AS for_username,
            count(*) FILTER (WHERE address = $2)::integer AS from_address
       FROM security_events
      WHERE kind = 'login_failed' AND occurred_at > now() - make_interval(secs => $3)`,
    [username, address ?? null, windowSeconds],
  );
  return { forUsername: result.rows[0].for_username, fromAddress: result.rows[0].from_address };
}
