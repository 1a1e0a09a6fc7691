import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { BadRequestError, NotFoundError } from '../http/errors.ts';
import type { Role } from '../layers/layer-definition.ts';
import { isCommonPassword } from './common-passwords.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export type StaffRole = Exclude<Role, 'public'>;
export const STAFF_ROLES: readonly StaffRole[] = ['planner', 'inspector', 'admin'];
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface UserArea {
  id: number;
  code: string;
  name_fr: string;
  name_ar: string;
}

export interface UserAccount {
  id: number;
  username: string;
  displayName: string | null;
  role: StaffRole;
  isDisabled: boolean;
  areas: UserArea[];
  createdAt: string;
  updatedAt: string;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.is_disabled, u.created_at, u.updated_at,
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'name_fr', a.name_fr, 'name_ar', a.name_ar) ORDER BY a.code)
              FROM user_areas ua JOIN admin_areas a ON a.id = ua.admin_area_id WHERE ua.user_id = u.id), '[]') AS areas`;

/** A users row as USER_COLUMNS selects it. */
interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: StaffRole;
  is_disabled: boolean;
  areas: UserArea[];
  created_at: Date;
  updated_at: Date;
}

function toAccount(row: UserRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    isDisabled: row.is_disabled,
    areas: row.areas,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Long enough, and not among the common passwords. */
export function assertPasswordAcceptable(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new BadRequestError('weak-password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (isCommonPassword(password)) {
    throw new BadRequestError('weak-password', 'This password is among the most common ones, which are guessed first; choose another');
  }
}

/** An admin area an account can be confined to, as the administration lists them. */
export interface AssignableArea extends UserArea {
  level: string;
}

/** Every admin area, by level then code: what an administrator assigns accounts to. */
export async function listAssignableAreas(pool: pg.Pool): Promise<AssignableArea[]> {
  const result = await pool.query<AssignableArea>(
    `SELECT id::integer AS id, code, name_fr, name_ar, level FROM admin_areas
      ORDER BY CASE level WHEN 'prefecture' THEN 0 WHEN 'arrondissement' THEN 1 ELSE 2 END, code`,
  );
  return result.rows;
}

/** Resolves arrondissement (or any admin area) codes to ids; an unknown code is a 400 naming it. */
async function areaIdsForCodes(client: pg.PoolClient, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const found = await client.query<{ id: number; code: string }>('SELECT id, code FROM admin_areas WHERE code = ANY($1::text[])', [codes]);
  const unknown = codes.filter((code) => !found.rows.some((row) => row.code === code));
  if (unknown.length > 0) throw new BadRequestError('unknown-area', `Unknown admin area code(s): ${unknown.join(', ')}`);
  return found.rows.map((row) => row.id);
}

export async function createUser(
  pool: pg.Pool,
  input: { username: string; role: StaffRole; password: string; displayName?: string | undefined; areaCodes?: readonly string[] | undefined },
): Promise<UserAccount> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new BadRequestError('invalid-username', 'A username is 3 to 64 lowercase letters, digits, dots, dashes or underscores');
  }
  assertPasswordAcceptable(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(pool, async (client) => {
    const inserted = await client.query<{ id: number }>(
      'INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.username, input.displayName ?? null, input.role, passwordHash],
    );
    const userId = inserted.rows[0]!.id;
    const areaIds = await areaIdsForCodes(client, input.areaCodes ?? []);
    await client.query('INSERT INTO user_areas (user_id, admin_area_id) SELECT $1, unnest($2::bigint[])', [userId, areaIds]);
    return toAccount((await client.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [userId])).rows[0]!);
  });
}

/**
 * Changes an account. Disabling it or changing its password or role revokes its sessions, so the change
 * takes effect at once rather than at the next login.
 */
export async function updateUser(
  pool: pg.Pool,
  username: string,
  changes: { role?: StaffRole | undefined; isDisabled?: boolean | undefined; password?: string | undefined; areaCodes?: readonly string[] | undefined; displayName?: string | undefined },
): Promise<UserAccount> {
  if (changes.password !== undefined) assertPasswordAcceptable(changes.password);
  const passwordHash = changes.password === undefined ? null : await hashPassword(changes.password);
  return inTransaction(pool, async (client) => {
    const updated = await client.query<{ id: number }>(
      `UPDATE users SET role = coalesce($2, role), is_disabled = coalesce($3, is_disabled),
              password_hash = coalesce($4, password_hash), display_name = coalesce($5, display_name)
        WHERE username = $1 RETURNING id`,
      [username, changes.role ?? null, changes.isDisabled ?? null, passwordHash, changes.displayName ?? null],
    );
    const userId = updated.rows[0]?.id;
    if (userId === undefined) throw new NotFoundError('user-not-found', 'No such user');
    if (changes.areaCodes !== undefined) {
      const areaIds = await areaIdsForCodes(client, changes.areaCodes);
      await client.query('DELETE FROM user_areas WHERE user_id = $1', [userId]);
      await client.query('INSERT INTO user_areas (user_id, admin_area_id) SELECT $1, unnest($2::bigint[])', [userId, areaIds]);
    }
    if (changes.isDisabled === true || passwordHash !== null || changes.role !== undefined || changes.areaCodes !== undefined) {
      await client.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    }
    return toAccount((await client.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [userId])).rows[0]!);
  });
}

export async function listUsers(pool: pg.Pool): Promise<UserAccount[]> {
  const result = await pool.query(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`);
  return result.rows.map(toAccount);
}

export async function findUser(pool: pg.Pool, username: string): Promise<UserAccount | undefined> {
  const result = await pool.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`, [username]);
  return result.rows[0] ? toAccount(result.rows[0]) : undefined;
}

/** What a login needs: the hash and whether the account may sign in. */
export async function findLoginCandidate(
  pool: pg.Pool,
  username: string,
): Promise<{ id: number; passwordHash: string; isDisabled: boolean } | undefined> {
  const result = await pool.query('SELECT id, password_hash, is_disabled FROM users WHERE username = $1', [username]);
  const row = result.rows[0];
  return row ? { id: row.id, passwordHash: row.password_hash, isDisabled: row.is_disabled } : undefined;
}
