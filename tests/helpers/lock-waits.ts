import type pg from 'pg';

/** Polls (bounded) until at least `count` statements of the database wait for a lock. */
export async function untilStatementsWaitOnLock(pool: pg.Pool, count = 1): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const waiting = await pool.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (waiting.rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} statement(s) ever waited on a lock`);
}
