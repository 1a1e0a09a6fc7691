import type pg from 'pg';
import { ident } from '../db/sql.ts';
import { type StoredFeature, toStoredFeature } from '../features/feature-row.ts';
import { allProperties, table } from '../features/feature-sql.ts';
import { type PendingChange, recordChanges } from '../features/history.ts';
import { type Bbox, bboxOfGeometries } from '../layers/geometry-bbox.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { notifyTileChange } from '../tiles/tile-invalidation.ts';
import { buildKeyedSync, type KeyedFeature, keyedRecords } from './keyed-sync-sql.ts';
import { ROUTE_PROPERTIES, STOP_PROPERTIES, type TransitFeatures } from './transit-features.ts';

/** Who the history says made the changes, when the import records history. */
export interface HistoryAuthor {
  author: string;
  reason: string;
}

/** Features created, updated and deleted per layer. */
export type SyncCounts = Record<string, { created: number; updated: number; deleted: number }>;

const BATCH_SIZE = 2_000;

function layerOf(registry: LayerRegistry, id: string): LayerDefinition {
  const layer = registry.find(id);
  if (!layer) throw new Error(`The registry has no ${id} layer`);
  return layer;
}

async function snapshot(client: pg.ClientBase, layer: LayerDefinition, text: string): Promise<Map<string, StoredFeature>> {
  const rows = (await client.query(text)).rows as Record<string, unknown>[];
  return new Map(rows.map((row) => [String(row.__key), toStoredFeature(row, allProperties(layer))]));
}

async function inBatches(client: pg.ClientBase, text: string, records: readonly object[]): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH_SIZE) await client.query(text, [JSON.stringify(records.slice(start, start + BATCH_SIZE))]);
}

/** The route stop rows of keyed routes, as route key -> stop keys in order. */
async function currentRouteStops(client: pg.ClientBase, routes: LayerDefinition, stops: LayerDefinition): Promise<Map<string, string[]>> {
  const text = `SELECT r.${ident(routes.properties.gtfs_route_id!.column)} AS route, array_agg(s.${ident(stops.properties.gtfs_stop_id!.column)} ORDER BY rs.sequence) AS stops
  FROM transit_route_stops rs JOIN ${table(routes)} r ON r.${ident(routes.idColumn)} = rs.route_id JOIN ${table(stops)} s ON s.${ident(stops.idColumn)} = rs.stop_id
 WHERE r.${ident(routes.properties.gtfs_route_id!.column)} IS NOT NULL GROUP BY 1`;
  const rows = (await client.query<{ route: string; stops: (string | null)[] }>(text)).rows;
  return new Map(rows.map((row) => [row.route, row.stops.map((stop) => stop ?? '')]));
}

/** Rewrites transit_route_stops of the given routes (the stops' line_codes follow by trigger). */
async function rewriteRouteStops(client: pg.ClientBase, routes: LayerDefinition, stops: LayerDefinition, sequences: Map<string, string[]>): Promise<void> {
  const routeKey = ident(routes.properties.gtfs_route_id!.column);
  const stopKey = ident(stops.properties.gtfs_stop_id!.column);
  await client.query(
    `DELETE FROM transit_route_stops rs USING ${table(routes)} r WHERE rs.route_id = r.${ident(routes.idColumn)} AND r.${routeKey} = ANY($1::text[])`,
    [[...sequences.keys()]],
  );
  const rows = [...sequences].flatMap(([route, stopKeys]) => stopKeys.map((stop, index) => ({ route, sequence: index + 1, stop })));
  // One statement, so the line_codes trigger runs once for all stops.
  await client.query(
    `INSERT INTO transit_route_stops (route_id, sequence, stop_id)
     SELECT r.${ident(routes.idColumn)}, x.sequence, s.${ident(stops.idColumn)}
       FROM json_to_recordset($1::json) AS x(route text, sequence smallint, stop text)
       JOIN ${table(routes)} r ON r.${routeKey} = x.route
       JOIN ${table(stops)} s ON s.${stopKey} = x.stop`,
    [JSON.stringify(rows)],
  );
}

function sameSequence(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Changes between two snapshots of a layer, as history entries (version numbers from the table). */
function diff(layer: LayerDefinition, before: Map<string, StoredFeature>, after: Map<string, StoredFeature>): PendingChange[] {
  const changes: PendingChange[] = [];
  const boxes = (...features: (StoredFeature | undefined)[]) =>
    features.flatMap((feature) => (feature ? [bboxOfGeometries([feature.geometry])] : [])).filter((box): box is Bbox => box !== null);
  for (const [key, old] of before) {
    const current = after.get(key);
    if (!current) changes.push({ layer: layer.id, featureId: old.id, version: old.version + 1, operation: 'delete', before: old, after: null, warnings: [], bboxes: boxes(old) });
    else if (current.version !== old.version) {
      changes.push({ layer: layer.id, featureId: current.id, version: current.version, operation: 'update', before: old, after: current, warnings: [], bboxes: boxes(old, current) });
    }
  }
  for (const [key, current] of after) {
    if (!before.has(key)) changes.push({ layer: layer.id, featureId: current.id, version: current.version, operation: 'create', before: null, after: current, warnings: [], bboxes: boxes(current) });
  }
  return changes;
}

/**
 * Makes transit_stops and transit_routes show the feed, inside the caller's transaction: features keyed
 * by the feed's stop_id and route_id are created, updated (only when something differs, so unchanged
 * features keep their version) or deleted, the stops of each route rewritten where they changed, then
 * every change is written to the feature history (when `history` is given) and announced on the
 * tile-changes channel, as an edit through the API would be.
 */
export async function syncTransitLayers(client: pg.ClientBase, registry: LayerRegistry, wanted: TransitFeatures, history: HistoryAuthor | null): Promise<SyncCounts> {
  const stops = layerOf(registry, 'transit_stops');
  const routes = layerOf(registry, 'transit_routes');
  const stopSync = buildKeyedSync(stops, 'gtfs_stop_id', STOP_PROPERTIES);
  const routeSync = buildKeyedSync(routes, 'gtfs_route_id', ROUTE_PROPERTIES);
  const stopsBefore = await snapshot(client, stops, stopSync.snapshot);
  const routesBefore = await snapshot(client, routes, routeSync.snapshot);
  const sequencesBefore = await currentRouteStops(client, routes, stops);
  const changedSequences = new Map([...wanted.routeStops].filter(([route, sequence]) => !sameSequence(sequencesBefore.get(route), sequence)));
  const stale = [...sequencesBefore.keys()].filter((route) => !wanted.routeStops.has(route));
  await rewriteRouteStops(client, routes, stops, new Map([...[...changedSequences.keys(), ...stale].map((route) => [route, [] as string[]] as const)]));

  const apply = async (sync: typeof stopSync, features: KeyedFeature[], names: readonly string[]) => {
    await client.query(sync.delete, [features.map((feature) => feature.key)]);
    const records = keyedRecords(features, names);
    await inBatches(client, sync.update, records);
    await inBatches(client, sync.insert, records);
  };
  await apply(routeSync, wanted.routes, ROUTE_PROPERTIES);
  await apply(stopSync, wanted.stops, STOP_PROPERTIES);
  await rewriteRouteStops(client, routes, stops, changedSequences);

  const changes = [
    ...diff(stops, stopsBefore, await snapshot(client, stops, stopSync.snapshot)),
    ...diff(routes, routesBefore, await snapshot(client, routes, routeSync.snapshot)),
  ];
  if (history) await recordChanges(client, changes, history.author, history.reason);
  for (const layer of [stops, routes]) {
    const bboxes = changes.filter((change) => change.layer === layer.id).flatMap((change) => change.bboxes);
    if (bboxes.length > 0) await notifyTileChange(client, { layer: layer.id, bboxes });
  }
  const counts: SyncCounts = {};
  for (const layer of [stops, routes]) {
    const of = (operation: string) => changes.filter((change) => change.layer === layer.id && change.operation === operation).length;
    counts[layer.id] = { created: of('create'), updated: of('update'), deleted: of('delete') };
  }
  return counts;
}
