import type pg from 'pg';
import { hashPassword } from './passwords.ts';

/**
 * Demo accounts, one per role, created only together with the sample data (in the same transaction), so
 * they never exist in a database holding the city's real data. Documented in README.md.
 */
export const DEMO_ACCOUNTS = [
  { username: 'planner', password: 'casa-planner-demo', role: 'planner', displayName: 'Urbaniste (démo)', areaName: null },
  { username: 'inspector', password: 'casa-inspector-demo', role: 'inspector', displayName: 'Inspectrice Anfa (démo)', areaName: 'Anfa' },
  { username: 'admin', password: 'casa-admin-demo', role: 'admin', displayName: 'Administrateur (démo)', areaName: null },
] as const;

export async function createDemoAccounts(client: pg.ClientBase): Promise<number> {
  for (const account of DEMO_ACCOUNTS) {
    const inserted = await client.query<{ id: number }>(
      'INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [account.username, account.displayName, account.role, await hashPassword(account.password)],
    );
    if (account.areaName) {
      await client.query(
        `INSERT INTO user_areas (user_id, admin_area_id)
         SELECT $1, id FROM admin_areas WHERE level = 'arrondissement' AND name_fr = $2`,
        [inserted.rows[0]!.id, account.areaName],
      );
    }
  }
  return DEMO_ACCOUNTS.length;
}
