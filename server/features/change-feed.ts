import type pg from 'pg';
import { areaRestriction, layerView, readableLayers } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { type StoredFeature, toGeojsonFeature } from './feature-row.ts';

export interface FeedPage {
  changes: {
    cursor: string;
    layer: string;
    id: number;
    version: number;
    operation: string;
    committedAt: string;
    author: string;
    reason: string | null;
    feature: ReturnType<typeof toGeojsonFeature> | null;
  }[];
  /** Pass as `since` to get what follows; it advances past changes the caller may not see. */
  next: string;
}

/**
 * Committed changes after `since`, in commit order (see 0005_feature_history.sql for why numbers never
 * appear out of order). Changes to layers or areas the caller may not read are skipped but still
 * advance the cursor, so a poller never stalls on them and never learns they exist.
 */
export async function readChangeFeed(pool: pg.Pool, registry: LayerRegistry, principal: Principal, since: number, limit: number): Promise<FeedPage> {
  const readable = readableLayers(registry, principal);
  const params = new SqlParams();
  const visibility = readable.map((layer) => {
    const areaIds = areaRestriction(principal, layer);
    const place = `ST_SetSRID(ST_GeomFromGeoJSON(coalesce(h.after, h.before)->>'geometry'), ${Number(layer.geometry.srid)})`;
    const inArea = areaIds ? ` AND ${areaFilterCondition(registry.areas, place, params.add(areaIds))}` : '';
    return `(h.layer = ${params.add(layer.id, 'text')}${inArea})`;
  });
  const isVisible = visibility.length ? visibility.join(' OR ') : 'false';
  const text = `SELECT h.seq, h.layer, h.feature_id, h.version, h.operation, h.committed_at, h.author, h.reason, h.after,
       (${isVisible}) AS is_visible
  FROM feature_history h
 WHERE h.seq > ${params.add(since, 'bigint')}
 ORDER BY h.seq LIMIT ${params.add(limit, 'integer')}`;
  const rows = (await pool.query(text, params.values)).rows;
  const byId = new Map(readable.map((layer) => [layer.id, layer]));
  const changes = rows
    .filter((row) => row.is_visible)
    .map((row) => {
      const layer = byId.get(row.layer)!;
      return {
        cursor: String(row.seq),
        layer: row.layer,
        id: Number(row.feature_id),
        version: row.version,
        operation: row.operation,
        committedAt: row.committed_at.toISOString(),
        author: row.author,
        reason: row.reason,
        feature: row.after ? toGeojsonFeature(row.after as StoredFeature, layerView(principal, layer, registry).properties) : null,
      };
    });
  return { changes, next: rows.length ? String(rows.at(-1)!.seq) : String(since) };
}
