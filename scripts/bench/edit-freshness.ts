import type pg from 'pg';
import { createPool } from '../../server/db/pool.ts';
import type { LayerDefinition } from '../../server/layers/layer-definition.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { notifyTileChange } from '../../server/tiles/tile-invalidation.ts';
import { benchAdminToken } from './bench-admin.ts';
import type { BenchServer } from './bench-processes.ts';
import { quantile } from './stats.ts';

/** How the edits were made: the editing API (PUT with If-Match), or SQL when that API is absent. */
export type EditMethod = 'PUT /ogc/collections/road_segments/items/{id} (If-Match, admin session)' | 'UPDATE + notifyTileChange in one transaction';

export interface FreshnessResult {
  method: EditMethod;
  samples: number;
  /** From sending the edit until the other server serves the changed tile, in milliseconds. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The edit's own duration (request sent to response received), median, in milliseconds. */
  editMedianMs: number;
}

/** A poll loop never runs longer than this per sample. */
const FRESH_TIMEOUT_MS = 10_000;
const CONDITIONS = ['good', 'poor'] as const;

/** The tile's current ETag on the server, after making sure that server has it in its cache. */
async function primeTile(server: BenchServer, path: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    if (response.headers.get('cache-status')?.includes('hit')) return response.headers.get('etag')!;
  }
  throw new Error(`${server.name} never cached ${path} (is its tile-change listener connected?)`);
}

/** Polls until the server answers the tile with another ETag; returns when that happened. */
async function waitForFresh(server: BenchServer, path: string, staleEtag: string): Promise<number> {
  const deadline = performance.now() + FRESH_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': staleEtag } });
    await response.arrayBuffer();
    if (response.status === 200 && response.headers.get('etag') !== staleEtag) return performance.now();
  }
  throw new Error(`${server.name} still served the old ${path} ${FRESH_TIMEOUT_MS / 1000} s after the edit`);
}

type Edit = (id: number, condition: string) => Promise<void>;

/** An edit through the editing API on `server`: GET the feature, PUT it back with a new condition. */
function apiEdit(server: BenchServer, layer: LayerDefinition, token: string): Edit {
  const headers = { Authorization: `Bearer ${token}` };
  return async (id, condition) => {
    const url = `${server.url}/ogc/collections/${layer.id}/items/${id}`;
    const current = await fetch(url, { headers });
    const feature = (await current.json()) as { geometry: unknown; properties: Record<string, unknown> };
    const properties = Object.fromEntries(
      Object.entries(feature.properties).filter(([name, value]) => layer.properties[name]?.editable !== false && value !== null),
    );
    const put = await fetch(url, {
      method: 'PUT',
      headers: { ...headers, 'If-Match': current.headers.get('etag')!, 'Content-Type': 'application/geo+json' },
      body: JSON.stringify({ type: 'Feature', geometry: feature.geometry, properties: { ...properties, condition } }),
    });
    if (put.status !== 200) throw new Error(`PUT ${url} answered ${put.status}: ${await put.text()}`);
  };
}

/** The fallback: the same change in SQL, announced in its transaction as the editing API does. */
function sqlEdit(pool: pg.Pool): Edit {
  return async (id, condition) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const row = await client.query<{ bbox: [number, number, number, number] }>(
        'UPDATE road_segments SET condition = $2 WHERE id = $1 RETURNING ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)] AS bbox',
        [id, condition],
      );
      await notifyTileChange(client, { layer: 'road_segments', bboxes: [row.rows[0]!.bbox] });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

/**
 * Puts the conditions of roads edited by a measurement back as they were (in SQL, without history or
 * announcement), so that every run measures the same tiles.
 */
export async function restoreRoadConditions(pool: pg.Pool, roads: readonly { id: number; condition: string }[]): Promise<void> {
  await pool.query('UPDATE road_segments AS r SET condition = o.condition FROM unnest($1::bigint[], $2::text[]) AS o(id, condition) WHERE r.id = o.id', [
    roads.map((road) => road.id),
    roads.map((road) => road.condition),
  ]);
}

/**
 * Edit-to-fresh-tile time with two server processes on one database: the edit goes to `editor`, the z16
 * tile of the edited road is read from `reader`, whose cache held the old tile. Each sample edits another
 * road (primary roads near the centre, fixed order).
 */
export async function measureEditToFresh(databaseUrl: string, layer: LayerDefinition, editor: BenchServer, reader: BenchServer, samples: number): Promise<FreshnessResult> {
  const pool = createPool({ connectionString: databaseUrl, max: 2, statementTimeoutMs: 30_000, applicationName: 'casa-sig-bench-edits' });
  try {
    const roads = await pool.query<{ id: number; lon: number; lat: number; condition: string }>(
      `SELECT id, ST_X(ST_StartPoint(geom)) AS lon, ST_Y(ST_StartPoint(geom)) AS lat, condition FROM road_segments
        WHERE road_class = 'primary' ORDER BY geom <-> ST_SetSRID(ST_MakePoint(-7.6186, 33.5928), 4326), id LIMIT $1`,
      [samples],
    );
    const hasApi = (await fetch(`${editor.url}/ogc/collections/${layer.id}/items/${roads.rows[0]!.id}`)).status !== 404;
    const edit = hasApi ? apiEdit(editor, layer, await benchAdminToken(pool)) : sqlEdit(pool);
    const totals: number[] = [];
    const edits: number[] = [];
    for (const road of roads.rows) {
      const tile = tileForLonLat(road.lon, road.lat, 16);
      const path = `/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt`;
      const staleEtag = await primeTile(reader, path);
      const condition = CONDITIONS.find((candidate) => candidate !== road.condition)!;
      const started = performance.now();
      await edit(road.id, condition);
      edits.push(performance.now() - started);
      totals.push((await waitForFresh(reader, path, staleEtag)) - started);
    }
    await restoreRoadConditions(pool, roads.rows);
    const sorted = [...totals].sort((a, b) => a - b);
    return {
      method: hasApi ? 'PUT /ogc/collections/road_segments/items/{id} (If-Match, admin session)' : 'UPDATE + notifyTileChange in one transaction',
      samples: totals.length,
      medianMs: quantile(sorted, 0.5),
      p95Ms: quantile(sorted, 0.95),
      maxMs: sorted.at(-1)!,
      editMedianMs: quantile([...edits].sort((a, b) => a - b), 0.5),
    };
  } finally {
    await pool.end();
  }
}
