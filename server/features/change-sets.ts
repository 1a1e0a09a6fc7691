import type pg from 'pg';
import { z } from 'zod';
import { assertAllowed, type LayerOperation } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { AppError } from '../http/errors.ts';
import { findReadableLayer } from '../auth/layer-access.ts';
import type { Bbox } from '../layers/geometry-bbox.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { parseIfMatch } from './etag.ts';
import { type FeatureInput, parseFeatureInput } from './feature-input.ts';
import type { GeometryLimits } from './geometry-checks.ts';
import type { CommitObserver } from '../tiles/tile-invalidation.ts';
import { createFeature, deleteFeature, inWriteTransaction, updateFeature, type WriteAdmission, type WriteTransaction } from './feature-writer.ts';
import { type FeatureIssue, withPointerPrefix } from './write-errors.ts';

const layerId = z.string().min(1).max(64);
const featureId = z.number().int().min(1);
const ifMatch = z.string().max(200).optional();

/** POST /api/changes: creates, replacements, merge-patch updates and deletes across layers. */
export const changeSetSchema = z.strictObject({
  reason: z.string().max(1000).optional(),
  changes: z
    .array(
      z.discriminatedUnion('op', [
        z.strictObject({ op: z.literal('create'), layer: layerId, tempId: z.string().min(1).max(64).optional(), feature: z.unknown() }),
        z.strictObject({ op: z.literal('replace'), layer: layerId, id: featureId, ifMatch, feature: z.unknown() }),
        z.strictObject({ op: z.literal('update'), layer: layerId, id: featureId, ifMatch, patch: z.unknown() }),
        z.strictObject({ op: z.literal('delete'), layer: layerId, id: featureId, ifMatch }),
      ]),
    )
    .min(1)
    .max(500),
});
export type ChangeSet = z.infer<typeof changeSetSchema>;
type Change = ChangeSet['changes'][number];

export interface AppliedChange {
  index: number;
  op: Change['op'];
  layer: string;
  id: number;
  /** Version after the change; for a delete, the version that was deleted. */
  version: number;
  warnings: FeatureIssue[];
}

/** Locates an error inside the change set: issue pointers under /changes/<n>, other problems with changeIndex. */
function locate(error: unknown, index: number): unknown {
  const located = withPointerPrefix(error, `/changes/${index}`);
  if (located !== error) return located;
  if (error instanceof AppError) {
    return new AppError(error.status, error.type, error.title, error.detail, { ...error.extras, changeIndex: index }, error.headers);
  }
  return error;
}

interface PreparedChange {
  change: Change;
  layer: LayerDefinition;
  input?: FeatureInput;
}

const OPERATION_OF: Record<Change['op'], LayerOperation> = { create: 'create', replace: 'update', update: 'update', delete: 'delete' };

/** Permission first (a caller learns nothing about validation it may not use), then the body. */
function prepare(registry: LayerRegistry, principal: Principal, change: Change, limits: GeometryLimits): PreparedChange {
  const layer = findReadableLayer(registry, change.layer, principal);
  assertAllowed(principal, layer, OPERATION_OF[change.op]);
  if (change.op === 'create') return { change, layer, input: parseFeatureInput(layer, change.feature, 'create', limits) };
  if (change.op === 'replace') return { change, layer, input: parseFeatureInput(layer, change.feature, 'replace', limits, change.id) };
  if (change.op === 'update') return { change, layer, input: parseFeatureInput(layer, change.patch, 'update', limits, change.id) };
  return { change, layer };
}

async function apply(tx: WriteTransaction, { change, layer, input }: PreparedChange, index: number): Promise<AppliedChange> {
  const base = { index, op: change.op, layer: layer.id };
  if (change.op === 'create') {
    const result = await createFeature(tx, layer, input!);
    return { ...base, id: result.feature.id, version: result.feature.version, warnings: result.warnings };
  }
  const versions = parseIfMatch(change.ifMatch);
  if (change.op === 'delete') {
    const deleted = await deleteFeature(tx, layer, change.id, versions);
    return { ...base, id: change.id, version: deleted.version, warnings: [] };
  }
  const result = await updateFeature(tx, layer, change.id, input!, versions, change.op === 'replace');
  return { ...base, id: result.feature.id, version: result.feature.version, warnings: result.warnings };
}

/**
 * Applies a change set all or nothing: every change is validated first, then all are applied in one
 * transaction; the first failure rolls everything back and is reported with its position.
 */
export async function applyChangeSet(
  pool: pg.Pool,
  registry: LayerRegistry,
  principal: Principal,
  changeSet: ChangeSet,
  limits: GeometryLimits,
  city: Bbox | null = null,
  observer?: CommitObserver,
  admission?: WriteAdmission,
): Promise<{ changes: AppliedChange[]; ids: Record<string, number> }> {
  const tempIds = changeSet.changes.flatMap((change) => (change.op === 'create' && change.tempId ? [change.tempId] : []));
  if (new Set(tempIds).size !== tempIds.length) throw new AppError(400, 'duplicate-temp-id', 'Bad request', 'Each tempId may be used once');
  const prepared = changeSet.changes.map((change, index) => {
    try {
      return prepare(registry, principal, change, limits);
    } catch (error) {
      throw locate(error, index);
    }
  });
  const applied = await inWriteTransaction(pool, principal, { registry, maxVertices: limits.maxVertices, reason: changeSet.reason, city, observer, admission }, async (tx) => {
    await tx.lockInOrder(prepared.flatMap(({ change, layer }) => (change.op === 'create' ? [] : [{ layer, id: change.id }])));
    const results: AppliedChange[] = [];
    for (const [index, change] of prepared.entries()) {
      try {
        results.push(await apply(tx, change, index));
      } catch (error) {
        throw locate(error, index);
      }
    }
    return results;
  });
  const ids: Record<string, number> = {};
  changeSet.changes.forEach((change, index) => {
    if (change.op === 'create' && change.tempId) ids[change.tempId] = applied[index]!.id;
  });
  return { changes: applied, ids };
}
