import type pg from 'pg';
import type { TileChange } from '../tiles/tile-invalidation.ts';

/**
 * PostgreSQL channel on which a committed GTFS import tells every server process to rebuild its
 * timetable (db/notification-listener.ts, reconnection included). The payload names the feed; the shape of
 * tile changes (pseudo-layer "gtfs", no boxes) is kept for readers of the channel.
 */
export const TIMETABLE_CHANGES_CHANNEL = 'casa_sig_timetable_changes';

/** Sent inside the import's transaction: delivered to the listeners only if and when it commits. */
export async function notifyTimetableChange(client: pg.ClientBase, feedSha256: string): Promise<void> {
  const payload: TileChange & { feed: string } = { layer: 'gtfs', bboxes: [], feed: feedSha256 };
  await client.query('SELECT pg_notify($1, $2)', [TIMETABLE_CHANGES_CHANNEL, JSON.stringify(payload)]);
}
