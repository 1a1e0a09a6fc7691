import type { Geometry } from 'geojson';
import type pg from 'pg';
import { ident } from '../db/sql.ts';
import { type StoredFeature, toStoredFeature } from '../features/feature-row.ts';
import { allProperties, table } from '../features/feature-sql.ts';
import { type PendingChange, recordChanges } from '../features/history.ts';
import { type Bbox, bboxOfGeometries } from '../layers/geometry-bbox.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { notifyTileChange } from '../tiles/tile-invalidation.ts';
import { refusalIssue, runDiagnosed } from './database-refusals.ts';
import type { ImportIssue } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import { type ExistingParent, linkParents } from './import-parents.ts';
import { countNewRows, planWrites } from './import-plan.ts';
import type { ImportRow, WriteRow } from './import-row.ts';
import {
  buildAllIdsQuery, buildChangedQuery, buildDeleteStatement, buildInsertStatement, buildKeyLookup, buildLeavesQuery, buildParentLookup, buildSnapshotQuery,
  buildUnkeyedCountQuery, buildUpdateStatement, groupRowsByProperties, toRecord,
} from './import-statements.ts';

/** Features created, updated (something differed), unchanged (a kept key, nothing differed) and deleted. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Of the created and updated: parents derived by dissolving their children. */
  derived: number;
  /** With --key: features of the layer that no import of this source made (drawn by hand, say), left alone. */
  unkeyed?: number;
}

export interface WriteRequest {
  layer: LayerDefinition;
  registry: LayerRegistry;
  rows: readonly ImportRow[];
  options: ImportOptions;
  /** The properties the file gives (mapped attributes, constants, split names, the parent): what an update sets. */
  providedProperties: readonly string[];
  /** Who history says made the changes: "import <file>". */
  author: string;
}

/** Records sent per statement (one bound JSON parameter of a few MB): every statement runs the layer's statement triggers (streets, generalisation) once, so fewer is faster. */
const BATCH_SIZE = 5000;
/** Past this many changes, the tiles of one box around them all are dropped instead of one box each. */
const BOXES_PER_IMPORT = 1000;

class Refused extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import refused');
  }
}

async function snapshots(client: pg.ClientBase, layer: LayerDefinition, ids: readonly number[]): Promise<Map<number, StoredFeature>> {
  if (ids.length === 0) return new Map();
  const rows = (await client.query(buildSnapshotQuery(layer), [ids])).rows as Record<string, unknown>[];
  return new Map(rows.map((row) => {
    const feature = toStoredFeature(row, allProperties(layer));
    return [feature.id, feature];
  }));
}

/** The layer's id sequence as it stands, so that a dry run or a refusal leaves it exactly so. */
async function readSequence(client: pg.ClientBase, layer: LayerDefinition): Promise<{ name: string; last: string | null; start: string }> {
  const name = ident(layer.table.schema, layer.table.name);
  const result = await client.query<{ sequence: string; last: string | null; start: string }>(
    `SELECT s.seqrelid::regclass::text AS sequence, pg_sequence_last_value(s.seqrelid) AS last, s.seqstart AS start
       FROM pg_sequence AS s WHERE s.seqrelid = pg_get_serial_sequence($1, $2)::regclass`,
    [name, layer.idColumn],
  );
  const row = result.rows[0]!;
  return { name: row.sequence, last: row.last, start: row.start };
}

async function restoreSequence(client: pg.ClientBase, state: { name: string; last: string | null; start: string }): Promise<void> {
  await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [state.name, state.last ?? state.start, state.last !== null]);
}

/**
 * The union of the children's geometries: a derived parent's area (holes between children stay holes).
 * Written with every digit: rounded, a union's slivers can become rings too short to be valid.
 */
async function dissolve(client: pg.ClientBase, layer: LayerDefinition, geometries: readonly Geometry[]): Promise<Geometry> {
  const result = await client.query<{ geometry: Geometry }>(
    `SELECT ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_UnaryUnion(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(g::text), $2::integer)))), 3)), 15)::json AS geometry
       FROM json_array_elements($1::json) AS g`,
    [JSON.stringify(geometries), layer.geometry.srid],
  );
  return result.rows[0]!.geometry;
}

async function runOrRefuse<T>(
  client: pg.ClientBase,
  request: WriteRequest,
  text: string,
  items: readonly T[],
  parameter: (items: readonly T[]) => unknown,
  rowOf: (item: T) => { featureIndex?: number; derivedLink?: string; existingId?: number },
  batchSize = BATCH_SIZE,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const outcome = await runDiagnosed(client, text, items.slice(start, start + batchSize), parameter);
    if ('refusals' in outcome) throw new Refused(outcome.refusals.map(({ error, item }) => refusalIssue(error, rowOf(item), request.layer, request.registry)));
    rows.push(...outcome.rows);
  }
  return rows;
}

const writeRowOf = (row: WriteRow) => ({ ...(row.featureIndex !== undefined ? { featureIndex: row.featureIndex } : {}), ...(row.derivedLink !== undefined ? { derivedLink: row.derivedLink } : {}) });

/** Deletes features, children before parents when the layer nests (a parent may not go before its children). */
async function deleteFeatures(client: pg.ClientBase, request: WriteRequest, ids: readonly number[]): Promise<void> {
  const { layer } = request;
  let remaining = [...ids];
  while (remaining.length > 0) {
    const leaves = layer.hierarchy
      ? (await client.query<{ id: string }>(buildLeavesQuery(layer, layer.hierarchy.parentProperty), [remaining])).rows.map((row) => Number(row.id))
      : remaining;
    if (leaves.length === 0) break;
    // One statement for them all: each statement runs the layer's triggers (streets, generalisation) once.
    await runOrRefuse(client, request, buildDeleteStatement(layer), leaves, (items) => items, (id) => ({ existingId: id }), leaves.length);
    const gone = new Set(leaves);
    remaining = remaining.filter((id) => !gone.has(id));
  }
}

/** The updates of a plan, in groups that set the same properties: the file's rows, then the derived parents. */
function updateGroups(request: WriteRequest, writes: readonly WriteRow[]): { names: readonly string[]; rows: WriteRow[] }[] {
  const updates = writes.filter((row) => row.isUpdate);
  const derived = updates.filter((row) => row.derivedLink !== undefined);
  const derivedNames = Object.keys(request.layer.properties).filter((name) => derived.some((row) => Object.hasOwn(row.values, name)));
  return [{ names: request.providedProperties, rows: updates.filter((row) => row.derivedLink === undefined) }, { names: derivedNames, rows: derived }].filter((group) => group.rows.length > 0);
}

/** Which updates change something (the others leave their feature, its version and its history alone). */
async function findChanged(client: pg.ClientBase, request: WriteRequest, groups: ReturnType<typeof updateGroups>): Promise<Set<number>> {
  const changed = new Set<number>();
  for (const { names, rows } of groups) {
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const records = rows.slice(start, start + BATCH_SIZE).map((row) => toRecord(row, names));
      for (const row of (await client.query<{ id: string }>(buildChangedQuery(request.layer, names), [JSON.stringify(records)])).rows) changed.add(Number(row.id));
    }
  }
  return changed;
}

/** Writes the changed updates, then the creations (parents before children), then the kept keys. */
async function writeRows(client: pg.ClientBase, request: WriteRequest, writes: readonly WriteRow[], groups: ReturnType<typeof updateGroups>, changed: ReadonlySet<number>): Promise<void> {
  const { layer, options } = request;
  for (const { names, rows } of groups) {
    const changing = rows.filter((row) => changed.has(row.id));
    await runOrRefuse(client, request, buildUpdateStatement(layer, names), changing, (items) => JSON.stringify(items.map((row) => toRecord(row, names))), writeRowOf);
  }
  const creates = writes.filter((row) => !row.isUpdate).sort((a, b) => a.depth - b.depth);
  for (const depth of [...new Set(creates.map((row) => row.depth))]) {
    for (const group of groupRowsByProperties(layer, creates.filter((row) => row.depth === depth))) {
      await runOrRefuse(client, request, buildInsertStatement(layer, group.propertyNames), group.rows, (items) => JSON.stringify(items.map((row) => toRecord(row, group.propertyNames))), writeRowOf);
    }
  }
  if (options.key) {
    const keyed = writes.filter((row) => row.key !== undefined);
    await client.query(
      `INSERT INTO feature_source_keys (layer, key_name, key_value, feature_id)
       SELECT $1, $2, k.value, k.id FROM json_to_recordset($3::json) AS k(value text, id bigint)
       ON CONFLICT (layer, key_name, key_value) DO UPDATE SET feature_id = EXCLUDED.feature_id`,
      [layer.id, options.key, JSON.stringify(keyed.map((row) => ({ value: row.key, id: row.id })))],
    );
  }
}

function boxesOf(...features: (StoredFeature | undefined)[]): Bbox[] {
  return features.flatMap((feature) => (feature ? [bboxOfGeometries([feature.geometry])] : [])).filter((box): box is Bbox => box !== null);
}

/** History rows for every change, and the tiles they touch dropped on every server when the import commits. */
async function announce(client: pg.ClientBase, request: WriteRequest, changes: PendingChange[]): Promise<void> {
  await recordChanges(client, changes, request.author, undefined);
  const boxes = changes.flatMap((change) => change.bboxes);
  const merged = boxes.length > BOXES_PER_IMPORT ? [bboxOfGeometries(boxes.map(([w, s, e, n]) => ({ type: 'LineString', coordinates: [[w, s], [e, n]] })))!] : boxes;
  if (merged.length === 0) return;
  for (const layer of [request.layer, ...request.registry.followersOf(request.layer.id)]) await notifyTileChange(client, { layer: layer.id, bboxes: merged });
}

/** Everything inside the transaction, after the lock: plan, check, write, and the changes they made. */
async function applyImport(client: pg.ClientBase, request: WriteRequest): Promise<{ counts: ImportCounts; changes: PendingChange[] }> {
  const { layer, rows, options } = request;
  const keyed = new Map<string, number>();
  if (options.key) {
    for (const row of (await client.query<{ key_value: string; id: string }>(buildKeyLookup(layer), [layer.id, options.key])).rows) keyed.set(row.key_value, Number(row.id));
  }
  const replaced = options.isReplace ? (await client.query<{ id: string }>(buildAllIdsQuery(layer))).rows.map((row) => Number(row.id)) : [];
  let parents = new Map();
  let derived: (Awaited<ReturnType<typeof linkParents>>['derived'][number] & { geometry: Geometry })[] = [];
  if (options.parent) {
    const links = [...new Set(rows.flatMap((row) => (row.parentLink === undefined ? [] : [row.parentLink])))];
    const existing = options.isReplace ? [] : (await client.query<ExistingParent>(buildParentLookup(layer, options.parent.property), [links])).rows.map((row) => ({ ...row, id: Number(row.id) }));
    const linked = linkParents(layer, rows, options, existing);
    if (linked.issues.length > 0) throw new Refused(linked.issues);
    parents = linked.parents;
    const byIndex = new Map(rows.map((row) => [row.featureIndex, row]));
    derived = [];
    for (const parent of linked.derived) derived.push({ ...parent, geometry: await dissolve(client, layer, parent.childIndexes.map((index) => byIndex.get(index)!.geometry)) });
  }
  const count = countNewRows(rows, keyed, derived, options.isReplace === true);
  const reserved = count === 0 ? [] : (await client.query<{ id: string }>('SELECT nextval(pg_get_serial_sequence($1, $2)) AS id FROM generate_series(1, $3::integer)', [ident(layer.table.schema, layer.table.name), layer.idColumn, count])).rows.map((row) => Number(row.id));
  const { writes, issues } = planWrites({ layer, rows, keyed, parents, derived, reservedIds: reserved, isReplace: options.isReplace === true });
  if (issues.length > 0) throw new Refused(issues);
  const fileKeys = new Set(rows.flatMap((row) => (row.key === undefined ? [] : [row.key])));
  const retired = options.key && options.isMissingRetired ? [...keyed].filter(([key]) => !fileKeys.has(key)).map(([, id]) => id) : [];
  const removed = [...replaced, ...retired];
  const updatedIds = writes.filter((row) => row.isUpdate).map((row) => row.id);
  const groups = updateGroups(request, writes);
  const changed = await findChanged(client, request, groups);
  const before = await snapshots(client, layer, [...removed, ...changed]);
  await deleteFeatures(client, request, removed);
  if (removed.length > 0) await client.query('DELETE FROM feature_source_keys WHERE layer = $1 AND feature_id = ANY ($2::bigint[])', [layer.id, removed]);
  await writeRows(client, request, writes, groups, changed);
  const createdIds = writes.filter((row) => !row.isUpdate).map((row) => row.id);
  const after = await snapshots(client, layer, [...createdIds, ...changed]);
  const change = (featureId: number, operation: PendingChange['operation'], old: StoredFeature | undefined, current: StoredFeature | undefined): PendingChange => ({
    layer: layer.id, featureId, version: current ? current.version : old!.version + 1, operation, before: old ?? null, after: current ?? null, warnings: [], bboxes: boxesOf(old, current),
  });
  const changes = [
    ...removed.map((id) => change(id, 'delete', before.get(id), undefined)),
    ...[...changed].map((id) => change(id, 'update', before.get(id), after.get(id))),
    ...createdIds.map((id) => change(id, 'create', undefined, after.get(id))),
  ];
  const derivedIds = new Set(writes.filter((row) => row.derivedLink !== undefined).map((row) => row.id));
  const unkeyed = options.key && !options.isReplace
    ? Number((await client.query<{ count: string }>(buildUnkeyedCountQuery(layer), [layer.id, options.key])).rows[0]!.count) - derivedIds.size
    : undefined;
  const counts: ImportCounts = {
    created: createdIds.length,
    updated: changed.size,
    unchanged: updatedIds.length - changed.size,
    deleted: removed.length,
    derived: [...derivedIds].filter((id) => changed.has(id) || createdIds.includes(id)).length,
    ...(unkeyed !== undefined ? { unkeyed } : {}),
  };
  return { counts, changes };
}

/**
 * Writes an import in ONE transaction that holds the layer's table against other writers (readers go on):
 * keyed rows update the features an earlier import of the source made, the others are created under
 * ids reserved up front (so children can name their parents), `--replace` removes every feature first and
 * `--retire-missing` the kept keys the file no longer has. Every change goes to the feature history
 * (author "import <file>") and to the tile caches, as an edit would. A refusal (by the registry's rules
 * or by the database) or a dry run rolls everything back and puts the id sequence back where it was, so
 * nothing, not even an id, is used up. Given a client, the import is a savepoint of the caller's
 * transaction instead.
 */
export async function writeImport(db: pg.Pool | pg.PoolClient, request: WriteRequest): Promise<{ status: 'imported' | 'dry-run' | 'rejected'; counts?: ImportCounts; issues: ImportIssue[] }> {
  const isOwnTransaction = !('release' in db);
  const client = isOwnTransaction ? await db.connect() : db;
  const [begin, commit, rollback] = isOwnTransaction ? ['BEGIN', 'COMMIT', 'ROLLBACK'] : ['SAVEPOINT import', 'RELEASE SAVEPOINT import', 'ROLLBACK TO SAVEPOINT import'];
  try {
    await client.query(begin);
    await client.query(`LOCK TABLE ${table(request.layer)} IN SHARE ROW EXCLUSIVE MODE`);
    const sequence = await readSequence(client, request.layer);
    try {
      const { counts, changes } = await applyImport(client, request);
      if (request.options.isDryRun) {
        await restoreSequence(client, sequence);
        await client.query(rollback);
        return { status: 'dry-run', counts, issues: [] };
      }
      await announce(client, request, changes);
      await client.query(commit);
      return { status: 'imported', counts, issues: [] };
    } catch (error) {
      // A refusal leaves the transaction usable (runDiagnosed rolled back to its savepoint): the sequence is
      // put back while the lock still keeps every other writer out.
      await restoreSequence(client, sequence).catch(() => undefined);
      if (error instanceof Refused) {
        await client.query(rollback);
        return { status: 'rejected', issues: error.issues };
      }
      throw error;
    }
  } catch (error) {
    if (isOwnTransaction) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (isOwnTransaction) (client as pg.PoolClient).release();
  }
}
