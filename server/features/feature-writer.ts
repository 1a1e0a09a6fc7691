import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { areaRestriction, assertAllowed, layerView } from '../auth/policy.ts';
import { describePrincipal, type Principal } from '../auth/principal.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError, NotFoundError } from '../http/errors.ts';
import { type Bbox, bboxOfGeometries } from '../layers/geometry-bbox.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { announceCommitPosition, type CommitObserver, notifyTileChange, type TileChange } from '../tiles/tile-invalidation.ts';
import { checkGeometryValidity, findNearMissWarnings, findRowRuleIssues, isInsideAreas } from './database-checks.ts';
import { featureEtag, type IfMatch, isIfMatchSatisfied } from './etag.ts';
import { changedReadOnlyIssues } from './read-only-values.ts';
import type { FeatureInput } from './feature-input.ts';
import { findLineWarnings } from './line-warnings.ts';
import { type StoredFeature, toStoredFeature } from './feature-row.ts';
import { allProperties, buildDelete, buildInsert, buildItemQuery, buildLatestValueQuery, buildLockQuery, buildUpdate } from './feature-sql.ts';
import { type ChangeOperation, type PendingChange, recordChanges } from './history.ts';
import { type FeatureIssue, PreconditionFailedError, PreconditionRequiredError, ValidationError } from './write-errors.ts';

/**
 * One write transaction: any number of feature changes by one principal, then history (numbered in commit
 * order) and tile notifications, then COMMIT. A failure anywhere rolls everything back.
 */
export class WriteTransaction {
  readonly #pending: PendingChange[] = [];

  constructor(
    readonly client: pg.PoolClient,
    readonly principal: Principal,
    readonly registry: LayerRegistry,
    readonly maxVertices: number,
    /** Id of this transaction in its tile-change announcements (see announceCommitPosition). */
    readonly commitId: string,
    /** The city's bounds, for the line warnings (a road leaving the city); null: unknown, no such warning. */
    readonly city: Bbox | null = null,
  ) {}

  /** The feature as it is now, locked for this transaction; 404 when absent or outside the caller's areas. */
  async lockCurrent(layer: LayerDefinition, id: number): Promise<StoredFeature> {
    const query = buildItemQuery(layer, layerView(this.principal, layer, this.registry), id, true);
    const row = (await this.client.query(query.text, query.values)).rows[0];
    if (!row) throw new NotFoundError('feature-not-found', 'No such feature');
    return toStoredFeature(row, allProperties(layer));
  }

  /**
   * Locks, in one canonical order (layer id, then feature id), the rows that a transaction is about to
   * change. Two change sets naming the same features in different orders then queue behind each other
   * instead of deadlocking (which PostgreSQL resolves only after deadlock_timeout, by failing one).
   */
  async lockInOrder(targets: readonly { layer: LayerDefinition; id: number }[]): Promise<void> {
    const byLayer = new Map<LayerDefinition, Set<number>>();
    for (const { layer, id } of targets) byLayer.set(layer, (byLayer.get(layer) ?? new Set()).add(id));
    for (const [layer, ids] of [...byLayer].sort(([a], [b]) => a.id.localeCompare(b.id))) {
      const query = buildLockQuery(layer, [...ids].sort((a, b) => a - b));
      await this.client.query(query.text, query.values);
    }
  }

  /** The registry's rules over the whole row the write leaves (hierarchy, row rules): a 422 naming the rule. */
  async assertRowRules(layer: LayerDefinition, values: Readonly<Record<string, unknown>>): Promise<void> {
    const issues = await findRowRuleIssues(this.client, layer, values);
    if (issues.length > 0) throw new ValidationError(issues);
  }

  /** Checks the new geometry in PostGIS and, for a confined editor, that it stays in the assigned areas. */
  async checkPlace(layer: LayerDefinition, input: FeatureInput, ownId: number | null): Promise<FeatureIssue[]> {
    if (!input.geometry) return [];
    const invalid = await checkGeometryValidity(this.client, layer, input.geometry);
    if (invalid.length > 0) throw new ValidationError(invalid);
    return findNearMissWarnings(this.client, layer, input.geometry, ownId);
  }

  /** Ids of the layer's features this transaction has written so far (a change set's earlier changes). */
  writtenIds(layer: LayerDefinition): number[] {
    return this.#pending.filter((change) => change.layer === layer.id).map((change) => change.featureId);
  }

  async assertInsideAreas(layer: LayerDefinition, feature: StoredFeature): Promise<void> {
    const areaIds = areaRestriction(this.principal, layer);
    if (areaIds && !(await isInsideAreas(this.client, this.registry.areas, feature.geometry, areaIds))) {
      throw new AppError(403, 'outside-assigned-areas', 'Forbidden', 'The feature would lie outside your assigned areas');
    }
  }

  /** If-Match against the feature's current ETag as this caller sees it: absent 428, not satisfied 412. */
  assertVersion(layer: LayerDefinition, current: StoredFeature, ifMatch: IfMatch | undefined): void {
    if (!ifMatch) throw new PreconditionRequiredError();
    const currentEtag = featureEtag(current.version, layerView(this.principal, layer, this.registry));
    if (!isIfMatchSatisfied(ifMatch, currentEtag)) throw new PreconditionFailedError(currentEtag);
  }

  async run(query: { text: string; values: unknown[] }, layer: LayerDefinition): Promise<StoredFeature> {
    const row = (await this.client.query(query.text, query.values)).rows[0]!;
    return toStoredFeature(row, allProperties(layer));
  }

  /**
   * Runs an UPDATE of the locked feature `current`. When the row comes out with the same geometry and
   * properties (derived ones included), the update is undone and undefined returned: an edit that changes
   * nothing writes no version, no history and no tile notification. PostgreSQL judges sameness after its
   * own casts and defaults, which is why the update is tried rather than predicted.
   */
  async runUpdate(query: { text: string; values: unknown[] }, layer: LayerDefinition, current: StoredFeature): Promise<StoredFeature | undefined> {
    await this.client.query('SAVEPOINT casa_sig_update');
    const updated = await this.run(query, layer);
    if (hasSameContent(layer, current, updated)) {
      await this.client.query('ROLLBACK TO SAVEPOINT casa_sig_update');
      return undefined;
    }
    await this.client.query('RELEASE SAVEPOINT casa_sig_update');
    return updated;
  }

  record(layer: LayerDefinition, operation: ChangeOperation, before: StoredFeature | null, after: StoredFeature | null, warnings: FeatureIssue[]): void {
    const bboxes = [before, after].flatMap((feature) => (feature ? [bboxOfGeometries([feature.geometry])] : [])).filter((box): box is Bbox => box !== null);
    const featureId = (after ?? before)!.id;
    const version = after ? after.version : before!.version + 1;
    this.#pending.push({ layer: layer.id, featureId, version, operation, before, after, warnings, bboxes });
  }

  /**
   * Refreshes the properties that summarise the layers just written (registry `latestOf`: an
   * establishment's latest grade after an inspection is recorded, changed or deleted), each as an update
   * of its feature in this transaction. The parent is locked before its summary is read, so concurrent
   * writers of one parent queue and the last to commit sees the other's row.
   */
  async #refreshSummaries(): Promise<void> {
    const refreshed = new Set<string>();
    for (const change of [...this.#pending]) {
      for (const parent of this.registry.layers) {
        for (const [name, property] of Object.entries(parent.properties)) {
          const latestOf = property.latestOf;
          if (latestOf?.layer !== change.layer) continue;
          const source = this.registry.find(latestOf.layer)!;
          const ids = new Set([change.before, change.after].flatMap((feature) => (feature ? [Number(feature.properties[latestOf.via])] : [])));
          for (const id of ids) {
            const key = `${parent.id}/${name}/${id}`;
            if (!Number.isSafeInteger(id) || refreshed.has(key)) continue;
            refreshed.add(key);
            await this.#refreshSummary(parent, name, source, latestOf, id);
          }
        }
      }
    }
  }

  async #refreshSummary(parent: LayerDefinition, name: string, source: LayerDefinition, latestOf: NonNullable<LayerDefinition['properties'][string]['latestOf']>, id: number): Promise<void> {
    // Read whatever the writer's areas: the server keeps the summary, not the writer. FOR NO KEY UPDATE,
    // not FOR UPDATE: the inserted inspections hold KEY SHARE locks on the establishment (their foreign
    // key), which FOR UPDATE would wait for across concurrent writers (a deadlock) and this does not.
    const read = buildItemQuery(parent, { ...layerView(this.principal, parent, this.registry), areaIds: null }, id);
    const row = (await this.client.query(`${read.text}\nFOR NO KEY UPDATE`, read.values)).rows[0];
    if (!row) return;
    const current = toStoredFeature(row, allProperties(parent));
    const latest = buildLatestValueQuery(source, latestOf, id);
    const value = (await this.client.query(latest.text, latest.values)).rows[0]?.value ?? null;
    if ((current.properties[name] ?? null) === value) return;
    const updated = await this.run(buildUpdate(parent, id, { values: { [name]: value }, geometry: null }, false, false), parent);
    this.record(parent, 'update', current, updated, []);
  }

  /** History in commit order, then one tile notification per layer (returned); the caller commits right after. */
  async finish(reason: string | undefined): Promise<TileChange[]> {
    await this.#refreshSummaries();
    await recordChanges(this.client, this.#pending, describePrincipal(this.principal), reason);
    const byLayer = new Map<string, Bbox[]>();
    for (const change of this.#pending) {
      // A layer whose places copy this one's (inspections at their establishment) moves with it.
      const followers = this.registry.followersOf(change.layer).map((layer) => layer.id);
      for (const layer of [change.layer, ...followers]) byLayer.set(layer, [...(byLayer.get(layer) ?? []), ...change.bboxes]);
    }
    const changes = [...byLayer].map(([layer, bboxes]) => ({ layer, bboxes, commit: this.commitId }));
    for (const change of changes) await notifyTileChange(this.client, change);
    return changes;
  }
}

/** Whether two states of a feature hold the same geometry and property values (its version and update time aside). */
function hasSameContent(layer: LayerDefinition, a: StoredFeature, b: StoredFeature): boolean {
  const bookkeeping = new Set([layer.updatedAtColumn, layer.versionColumn]);
  const content = (feature: StoredFeature) => [
    feature.geometry,
    Object.entries(layer.properties).filter(([, property]) => !bookkeeping.has(property.column)).map(([name]) => feature.properties[name]),
  ];
  return JSON.stringify(content(a)) === JSON.stringify(content(b));
}

/** What a write returns to its route: the stored feature and the warnings to show. */
export interface WriteResult {
  feature: StoredFeature;
  warnings: FeatureIssue[];
}

export async function createFeature(tx: WriteTransaction, layer: LayerDefinition, input: FeatureInput): Promise<WriteResult> {
  assertAllowed(tx.principal, layer, 'create');
  await tx.assertRowRules(layer, input.values);
  const warnings = await tx.checkPlace(layer, input, null);
  const created = await tx.run(buildInsert(layer, { values: input.values, geometry: input.geometry ?? null }), layer);
  await tx.assertInsideAreas(layer, created);
  warnings.push(...(await findLineWarnings(tx.client, layer, created, tx.writtenIds(layer), tx.city)));
  tx.record(layer, 'create', null, created, warnings);
  return { feature: created, warnings };
}

/** PUT (isFullReplace) or PATCH of an existing feature, under optimistic locking. */
export async function updateFeature(
  tx: WriteTransaction,
  layer: LayerDefinition,
  id: number,
  input: FeatureInput,
  ifMatch: IfMatch | undefined,
  isFullReplace: boolean,
): Promise<WriteResult> {
  assertAllowed(tx.principal, layer, 'update');
  if (!ifMatch) throw new PreconditionRequiredError();
  const current = await tx.lockCurrent(layer, id);
  tx.assertVersion(layer, current, ifMatch);
  const changedReadOnly = changedReadOnlyIssues(layer, input.readOnly, current.properties);
  if (changedReadOnly.length > 0) throw new ValidationError(changedReadOnly);
  await tx.assertRowRules(layer, isFullReplace ? input.values : { ...current.properties, ...input.values });
  const warnings = await tx.checkPlace(layer, input, id);
  const write = { values: input.values, geometry: input.geometry ?? null };
  const updated = await tx.runUpdate(buildUpdate(layer, id, write, isFullReplace, input.geometry !== undefined), layer, current);
  if (!updated) return { feature: current, warnings };
  await tx.assertInsideAreas(layer, updated);
  warnings.push(...(await findLineWarnings(tx.client, layer, updated, tx.writtenIds(layer), tx.city)));
  tx.record(layer, isFullReplace ? 'replace' : 'update', current, updated, warnings);
  return { feature: updated, warnings };
}

export async function deleteFeature(tx: WriteTransaction, layer: LayerDefinition, id: number, ifMatch: IfMatch | undefined): Promise<StoredFeature> {
  assertAllowed(tx.principal, layer, 'delete');
  if (!ifMatch) throw new PreconditionRequiredError();
  const current = await tx.lockCurrent(layer, id);
  tx.assertVersion(layer, current, ifMatch);
  const query = buildDelete(layer, id);
  await tx.client.query(query.text, query.values);
  tx.record(layer, 'delete', current, null, []);
  return current;
}

/**
 * Where write transactions wait for their turn (an AdmissionQueue): edits serialise on the history lock at
 * their end anyway, so a few at once use the database as well as many, and many would hold every connection
 * of the pool while they wait, starving the reads.
 */
export interface WriteAdmission {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * One transaction on the primary (once `admission`, if given, lets it start): the work, then history and tile notifications, then COMMIT (ROLLBACK on
 * any error). After the commit, the WAL position is announced for read replicas and `observer` (this
 * process's tile service) is told what changed before the caller answers. The edit is committed whether
 * or not the announcement gets through: listeners that miss it read the position themselves.
 */
export async function inWriteTransaction<T>(
  pool: pg.Pool,
  principal: Principal,
  options: { registry: LayerRegistry; maxVertices: number; reason?: string | undefined; city?: Bbox | null; observer?: CommitObserver | undefined; admission?: WriteAdmission | undefined },
  work: (tx: WriteTransaction) => Promise<T>,
): Promise<T> {
  let changes: TileChange[] = [];
  const commitId = randomUUID();
  const transact = () => inTransaction(pool, async (client) => {
    const tx = new WriteTransaction(client, principal, options.registry, options.maxVertices, commitId, options.city ?? null);
    const result = await work(tx);
    changes = await tx.finish(options.reason);
    return result;
  });
  const result = await (options.admission ? options.admission.run(transact) : transact());
  if (changes.length > 0) {
    const position = await announceCommitPosition(pool, commitId).catch(() => undefined);
    options.observer?.committed(changes, position);
  }
  return result;
}
