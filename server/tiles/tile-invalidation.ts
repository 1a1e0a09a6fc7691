import type pg from 'pg';
import type { Bbox } from '../layers/geometry-bbox.ts';

/** PostgreSQL channel on which committed edits announce the places whose tiles changed. */
export const TILE_CHANGES_CHANNEL = 'casa_sig_tile_changes';

/** What one notification says: these areas of this layer changed. */
export interface TileChange {
  layer: string;
  bboxes: Bbox[];
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
    const payload: TileChange = { layer: change.layer, bboxes: change.bboxes.slice(start, start + BBOXES_PER_NOTIFICATION) };
    await client.query('SELECT pg_notify($1, $2)', [TILE_CHANGES_CHANNEL, JSON.stringify(payload)]);
  }
}
