import type pg from 'pg';
import type { TileChange } from '../tiles/tile-invalidation.ts';

/**
 * PostgreSQL channel on which a committed GTFS import tells every server process to rebuild its
 * timetable. Payloads have the shape of tile changes (the listener of tiles/ is reused, reconnection
 * included), with the pseudo-layer "gtfs" and no boxes.
 */
export const TIMETABLE_CHANGES_CHANNEL = 'casa_sig_timetable_changes';

/** Sent inside the import's transaction: delivered to the listeners only if and when it commits. */
export async function notifyTimetableChange(client: pg.ClientBase, feedSha256: string): Promise<void> {
  const payload: TileChange & { feed: string } = { layer: 'gtfs', bboxes: [], feed: feedSha256 };
  await client.query('SELECT pg_notify($1, $2)', [TIMETABLE_CHANGES_CHANNEL, JSON.stringify(payload)]);
}
