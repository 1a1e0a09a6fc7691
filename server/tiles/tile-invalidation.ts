import type pg from 'pg';
import type { Bbox } from '../layers/geometry-bbox.ts';
import { POSITION_AFTER_COMMITS_SQL, parseWalPosition, type WalPosition } from '../db/wal-position.ts';

/** PostgreSQL channel on which committed edits announce the places whose tiles changed. */
export const TILE_CHANGES_CHANNEL = 'casa_sig_tile_changes';

/** What one notification says: these areas of this layer changed. */
export interface TileChange {
  layer: string;
  bboxes: Bbox[];
  /**
   * Id of the writing transaction, when its writer announces the WAL position after its commit under the
   * same id (announceCommitPosition); a read replica is read for the layer once it has replayed that far.
   */
  commit?: string;
}

/** Told by this process's writers, right after a commit, what changed and the WAL position then (if it could be read). */
export interface CommitObserver {
  committed(changes: readonly TileChange[], position: WalPosition | undefined): void;
}

/** NOTIFY payloads are limited to 8000 bytes; bboxes are batched well below it. */
const BBOXES_PER_NOTIFICATION = 100;

/**
 * Announces, inside the edit's transaction, the bounding boxes of the old and new geometries of changed
 * features. PostgreSQL delivers the notification only if and when the transaction commits, to every
 * server instance listening on the database, so caches everywhere drop exactly what changed.
 */
export async function notifyTileChange(client: pg.ClientBase, change: TileChange): Promise<void> {
  for (let start = 0; start < change.bboxes.length; start += BBOXES_PER_NOTIFICATION) {
    const payload: TileChange = { ...change, bboxes: change.bboxes.slice(start, start + BBOXES_PER_NOTIFICATION) };
    await client.query('SELECT pg_notify($1, $2)', [TILE_CHANGES_CHANNEL, JSON.stringify(payload)]);
  }
}

/**
 * Right after the commit of the transaction whose changes carried `commit`: announces, on the same channel,
 * the WAL position now (at or past the end of that commit's record), and returns it. The position cannot
 * travel in the first notification, which is written before the commit record exists; this one is its own
 * transaction, delivered after the first. Should it never be sent (the writer died in between), listeners
 * read the primary's position themselves after a short wait (db/commit-positions.ts).
 */
export async function announceCommitPosition(db: Pick<pg.Pool, 'query'>, commit: string): Promise<WalPosition> {
  const row = (await db.query<{ position: string }>(
    `SELECT pg_notify($1, json_build_object('commit', $2::text, 'position', now_at.position)::text), now_at.position
       FROM (SELECT ${POSITION_AFTER_COMMITS_SQL} AS position) AS now_at`,
    [TILE_CHANGES_CHANNEL, commit],
  )).rows[0]!;
  return parseWalPosition(row.position);
}
