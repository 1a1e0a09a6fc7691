import type pg from 'pg';
import type { UserPrincipal } from './principal.ts';
import { generateSessionToken } from './tokens.ts';

export interface CreatedSession {
  token: string;
  sessionId: number;
  expiresAt: Date;
}

export async function createSession(pool: pg.Pool, userId: number, ttlSeconds: number, address: string | undefined): Promise<CreatedSession> {
  const { token, hash } = generateSessionToken();
  const result = await pool.query<{ id: number; expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, expires_at, address) VALUES ($1, $2, now() + make_interval(secs => $3), $4)
     RETURNING id, expires_at`,
    [hash, userId, ttlSeconds, address ?? null],
  );
  return { token, sessionId: result.rows[0]!.id, expiresAt: result.rows[0]!.expires_at };
}

/** The user behind a live session token (not expired, not revoked, account enabled), or undefined. */
export async function findSessionPrincipal(pool: pg.Pool, tokenHash: Buffer): Promise<(UserPrincipal & { expiresAt: Date }) | undefined> {
  const result = await pool.query(
    `SELECT s.id AS session_id, s.expires_at, u.id AS user_id, u.username, u.role,
            array(SELECT ua.admin_area_id FROM user_areas ua WHERE ua.user_id = u.id ORDER BY 1) AS area_ids
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.is_disabled`,
    [tokenHash],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    kind: 'user',
    role: row.role,
    userId: row.user_id,
    username: row.username,
    sessionId: row.session_id,
    areaIds: row.area_ids.map(Number),
    expiresAt: row.expires_at,
  };
}

export async function revokeSession(pool: pg.Pool, sessionId: number): Promise<void> {
  await pool.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
}
