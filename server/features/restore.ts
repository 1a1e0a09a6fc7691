import { areaRestriction, assertAllowed } from '../auth/policy.ts';
import { AppError, NotFoundError } from '../http/errors.ts';
import { ident } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { isInsideAreas } from './database-checks.ts';
import { buildInsert, buildUpdate, table } from './feature-sql.ts';
import type { IfMatch } from './etag.ts';
import type { StoredFeature } from './feature-row.ts';
import { PreconditionFailedError } from './write-errors.ts';
import { historyEntryAtVersion, latestHistoryEntry } from './history.ts';
import type { WriteResult, WriteTransaction } from './feature-writer.ts';

/** The editable values of a snapshot: what a restore writes back (derived values are the database's). */
function editableValues(layer: LayerDefinition, snapshot: StoredFeature): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(layer.properties)
      .filter(([name, property]) => property.editable !== false && snapshot.properties[name] !== null && snapshot.properties[name] !== undefined)
      .map(([name]) => [name, snapshot.properties[name]]),
  );
}

async function existsAnywhere(tx: WriteTransaction, layer: LayerDefinition, id: number): Promise<boolean> {
  const result = await tx.client.query(`SELECT 1 FROM ${table(layer)} WHERE ${ident(layer.idColumn)} = $1`, [id]);
  return result.rowCount !== 0;
}

/**
 * Makes a past version current again, as a new version: over the live feature (If-Match required), or by
 * bringing a deleted feature back under its old id with the next version number.
 */
export async function restoreVersion(
  tx: WriteTransaction,
  layer: LayerDefinition,
  id: number,
  version: number,
  ifMatch: IfMatch | undefined,
): Promise<WriteResult> {
  assertAllowed(tx.principal, layer, 'update');
  const target = await historyEntryAtVersion(tx.client, layer.id, id, version);
  if (!target) throw new NotFoundError('version-not-found', 'No such version of this feature');
  if (!target.after) throw new AppError(409, 'version-is-a-deletion', 'Conflict', 'That version is a deletion; restore an earlier one');
  const areaIds = areaRestriction(tx.principal, layer);
  if (areaIds && !(await isInsideAreas(tx.client, tx.registry.areas, target.after.geometry, areaIds))) throw new NotFoundError('version-not-found', 'No such version of this feature');

  const write = { values: editableValues(layer, target.after), geometry: layer.geometry.isDerived ? null : target.after.geometry };
  if (await existsAnywhere(tx, layer, id)) {
    const current = await tx.lockCurrent(layer, id);
    tx.assertVersion(layer, current, ifMatch);
    const restored = await tx.runUpdate(buildUpdate(layer, id, write, true, !layer.geometry.isDerived), layer, current);
    if (!restored) return { feature: current, warnings: [] };
    tx.record(layer, 'restore', current, restored, []);
    return { feature: restored, warnings: [] };
  }
  assertAllowed(tx.principal, layer, 'create');
  // A deleted feature has no current representation, so no If-Match can hold (RFC 9110 §13.1.1).
  if (ifMatch) throw new PreconditionFailedError();
  const latest = await latestHistoryEntry(tx.client, layer.id, id);
  const restored = await tx.run(buildInsert(layer, write, { id, version: latest!.version + 1 }), layer);
  tx.record(layer, 'restore', null, restored, []);
  return { feature: restored, warnings: [] };
}
