import type pg from 'pg';

/**
 * A position in PostgreSQL's write-ahead log (a pg_lsn, "16/B374D848"), as the byte offset it stands for:
 * positions compare with < and >, and a standby that has replayed up to position P shows every
 * transaction whose commit record ends at or before P.
 */
export type WalPosition = bigint;

/** Parses a pg_lsn's text ("16/B374D848"); throws on anything else. */
export function parseWalPosition(text: string): WalPosition {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new RangeError(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function formatWalPosition(position: WalPosition): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * SQL for a WAL position at or past the end of every transaction that committed before the statement
 * began. pg_current_wal_insert_lsn(), not pg_current_wal_lsn(): with synchronous_commit off the COMMIT
 * returns before its record is written, and pg_current_wal_lsn() (the write position) can still be
 * before it (seen on the test clusters: 0/3000000 against an insert position of 0/3001128 just after a
 * commit), which would let a standby that has not replayed the commit pass for one that has.
 */
export const POSITION_AFTER_COMMITS_SQL = 'pg_current_wal_insert_lsn()::text';

/** The primary's WAL position now: every transaction committed before this call is at or before it. */
export async function readPrimaryPosition(db: Pick<pg.Pool, 'query'>): Promise<WalPosition> {
  const row = (await db.query<{ position: string }>(`SELECT ${POSITION_AFTER_COMMITS_SQL} AS position`)).rows[0]!;
  return parseWalPosition(row.position);
}
