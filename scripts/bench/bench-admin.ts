import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createUser, findUser } from '../../server/auth/accounts.ts';
import { createSession } from '../../server/auth/sessions.ts';

/** A session token of the benchmark's own administrator in the benchmark database (created on first use). */
export async function benchAdminToken(pool: pg.Pool): Promise<string> {
  const username = 'bench-admin';
  const user = (await findUser(pool, username)) ?? (await createUser(pool, { username, role: 'admin', password: randomBytes(24).toString('base64url') }));
  return (await createSession(pool, user.id, 3600, '127.0.0.1')).token;
}
