import type pg from 'pg';
import type { Bbox } from '../layers/geometry-bbox.ts';
import type { StoredFeature } from './feature-row.ts';
import type { FeatureIssue } from './write-errors.ts';

/** Taken by every writer before it draws change numbers, held until commit (see 0005_feature_history.sql). */
export const FEATURE_CHANGE_LOCK = 727_002;

export type ChangeOperation = 'create' | 'replace' | 'update' | 'delete' | 'restore';

/** A change waiting for its commit number, recorded at the end of the transaction. */
export interface PendingChange {
  layer: string;
  featureId: number;
  version: number;
  operation: ChangeOperation;
  before: StoredFeature | null;
  after: StoredFeature | null;
  warnings: FeatureIssue[];
  /** Where tiles must be refreshed: the old and the new place. */
  bboxes: Bbox[];
}

/**
 * Writes the pending changes in order, numbered in commit order. Call it last in the transaction: the
 * lock it takes serialises only the end of concurrent writes, from here to COMMIT.
 */
export async function recordChanges(client: pg.ClientBase, changes: readonly PendingChange[], author: string, reason: string | undefined): Promise<number[]> {
  if (changes.length === 0) return [];
  await client.query('SELECT pg_advisory_xact_lock($1)', [FEATURE_CHANGE_LOCK]);
  const result = await client.query<{ seq: number }>(
    `INSERT INTO feature_history (seq, layer, feature_id, version, operation, author, reason, before, after, warnings)
     SELECT nextval('feature_change_seq'), c.layer, c.feature_id, c.version, c.operation, $2, $3, c.before, c.after, c.warnings
       FROM (SELECT e.value->>'layer' AS layer, (e.value->>'feature_id')::bigint AS feature_id,
                    (e.value->>'version')::integer AS version, e.value->>'operation' AS operation,
                    nullif(e.value->'before', 'null'::jsonb) AS before, nullif(e.value->'after', 'null'::jsonb) AS after,
                    e.value->'warnings' AS warnings
               FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, position)
              ORDER BY e.position) AS c
     RETURNING seq`,
    [
      JSON.stringify(
        changes.map((change) => ({
          layer: change.layer,
          feature_id: change.featureId,
          version: change.version,
          operation: change.operation,
          before: change.before,
          after: change.after,
          warnings: change.warnings,
        })),
      ),
      author,
      reason ?? null,
    ],
  );
  return result.rows.map((row) => Number(row.seq));
}

export interface HistoryEntry {
  seq: number;
  version: number;
  operation: ChangeOperation;
  author: string;
  reason: string | null;
  committedAt: string;
  before: StoredFeature | null;
  after: StoredFeature | null;
  warnings: FeatureIssue[];
}

/** A feature_history row (seq is a bigint, read as text). */
interface HistoryRow {
  seq: string;
  version: number;
  operation: ChangeOperation;
  author: string;
  reason: string | null;
  committed_at: Date;
  before: StoredFeature | null;
  after: StoredFeature | null;
  warnings: FeatureIssue[];
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    seq: Number(row.seq),
    version: row.version,
    operation: row.operation,
    author: row.author,
    reason: row.reason,
    committedAt: row.committed_at.toISOString(),
    before: row.before,
    after: row.after,
    warnings: row.warnings,
  };
}

export async function listFeatureHistory(client: pg.ClientBase | pg.Pool, layer: string, featureId: number): Promise<HistoryEntry[]> {
  const result = await client.query(
    `SELECT seq, version, operation, author, reason, committed_at, before, after, warnings
       FROM feature_history WHERE layer = $1 AND feature_id = $2 ORDER BY seq`,
    [layer, featureId],
  );
  return result.rows.map(toEntry);
}

/** The newest history entry of a feature (its latest version number lives there after a delete). */
export async function latestHistoryEntry(client: pg.ClientBase, layer: string, featureId: number): Promise<HistoryEntry | undefined> {
  const result = await client.query(
    `SELECT seq, version, operation, author, reason, committed_at, before, after, warnings
       FROM feature_history WHERE layer = $1 AND feature_id = $2 ORDER BY seq DESC LIMIT 1`,
    [layer, featureId],
  );
  return result.rows[0] ? toEntry(result.rows[0]) : undefined;
}

export async function historyEntryAtVersion(client: pg.ClientBase, layer: string, featureId: number, version: number): Promise<HistoryEntry | undefined> {
  const result = await client.query(
    `SELECT seq, version, operation, author, reason, committed_at, before, after, warnings
       FROM feature_history WHERE layer = $1 AND feature_id = $2 AND version = $3`,
    [layer, featureId, version],
  );
  return result.rows[0] ? toEntry(result.rows[0]) : undefined;
}
