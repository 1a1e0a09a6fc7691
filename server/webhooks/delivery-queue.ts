import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import type { StoredFeature } from '../features/feature-row.ts';
import type { AttemptOutcome } from './post-webhook.ts';
import type { ChangeRow } from './webhook-payload.ts';

/**
 * The webhook outbox, in SQL. Every step is safe with several server processes on one database:
 * discovery locks the hook rows it advances, claiming takes rows with FOR UPDATE SKIP LOCKED and leases
 * them, and a result is recorded only by the attempt that holds the lease (attempt number as a fencing
 * token).
 */

/** A delivery claimed for one attempt, with what is needed to send it. */
export interface ClaimedDelivery {
  id: number;
  webhookId: number;
  /** This attempt's number (1 for the first). */
  attempt: number;
  url: string;
  /** The current secret first, then the previous one while its grace period lasts. */
  secrets: string[];
  change: ChangeRow;
}

/**
 * Queues, for every hook, the changes committed past its cursor on the layers it follows, and moves the
 * cursor past everything it looked at (followed or not), at most `batchSize` changes per hook. Hooks being
 * advanced by another process are skipped. Returns the largest number of changes scanned for one hook, so
 * the caller knows whether to go on.
 */
export async function queueNewChanges(pool: pg.Pool, batchSize: number): Promise<number> {
  return inTransaction(pool, async (client) => {
    const hooks = await client.query<{ id: number; cursor: number; layers: string[] }>(
      'SELECT id, cursor, layers FROM webhooks ORDER BY id FOR UPDATE SKIP LOCKED',
    );
    let mostScanned = 0;
    for (const hook of hooks.rows) {
      const result = await client.query<{ scanned: number }>(
        `WITH scanned AS (
           SELECT seq, layer, feature_id FROM feature_history WHERE seq > $2 ORDER BY seq LIMIT $3),
         queued AS (
           INSERT INTO webhook_deliveries (webhook_id, seq, layer, feature_id)
           SELECT $1, seq, layer, feature_id FROM scanned WHERE layer = ANY($4::text[]) ORDER BY seq
           ON CONFLICT (webhook_id, seq) DO NOTHING RETURNING 1)
         UPDATE webhooks SET cursor = coalesce((SELECT max(seq) FROM scanned), cursor)
          WHERE id = $1
         RETURNING (SELECT count(*) FROM scanned) AS scanned, (SELECT count(*) FROM queued) AS queued`,
        [hook.id, hook.cursor, batchSize, hook.layers],
      );
      mostScanned = Math.max(mostScanned, Number(result.rows[0]?.scanned ?? 0));
    }
    return mostScanned;
  });
}

/**
 * What makes a pending delivery wait: an earlier change to the same feature for the same hook that is not
 * acknowledged yet. Deliveries of one feature therefore go out one at a time, in commit order; other
 * features are not held up.
 */
const NO_EARLIER_PENDING = `NOT EXISTS (
  SELECT 1 FROM webhook_deliveries e
   WHERE e.webhook_id = d.webhook_id AND e.layer = d.layer AND e.feature_id = d.feature_id
     AND e.seq < d.seq AND e.delivered_at IS NULL)`;

/**
 * Leases up to `limit` due deliveries of enabled hooks for `leaseMs` and returns them with their change.
 * SKIP LOCKED makes concurrent claimers (other processes) take different rows; the lease, longer than the
 * request timeout, keeps a row away from them until this attempt is recorded, or until it runs out if
 * this process dies mid-attempt.
 */
export async function claimDueDeliveries(pool: pg.Pool, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const result = await pool.query(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.delivered_at IS NULL AND d.next_attempt_at <= now() AND w.is_enabled
          AND (d.leased_until IS NULL OR d.leased_until < now())
          AND ${NO_EARLIER_PENDING}
        ORDER BY d.next_attempt_at, d.id
        LIMIT $1
        FOR UPDATE OF d SKIP LOCKED),
     claimed AS (
       UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, last_attempt_at = now(), leased_until = now() + $2 * interval '1 millisecond'
         FROM due WHERE d.id = due.id
       RETURNING d.id, d.webhook_id, d.seq, d.attempts)
     SELECT c.id, c.webhook_id, c.seq, c.attempts, w.url, w.secret,
            CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret END AS previous_secret,
            h.layer, h.feature_id, h.version, h.operation, h.committed_at, h.before, h.after
       FROM claimed c JOIN webhooks w ON w.id = c.webhook_id JOIN feature_history h ON h.seq = c.seq
      ORDER BY c.seq`,
    [limit, leaseMs],
  );
  return result.rows.map((row) => ({
    id: Number(row.id),
    webhookId: Number(row.webhook_id),
    attempt: row.attempts,
    url: row.url,
    secrets: row.previous_secret ? [row.secret, row.previous_secret] : [row.secret],
    change: {
      seq: Number(row.seq),
      layer: row.layer,
      featureId: Number(row.feature_id),
      version: row.version,
      operation: row.operation,
      committedAt: row.committed_at,
      before: row.before as StoredFeature | null,
      after: row.after as StoredFeature | null,
    },
  }));
}

/**
 * Records an attempt's outcome and ends its lease: acknowledged -> delivered; otherwise the next attempt
 * is due after `retryDelayMs`, and the later changes of the same feature are pushed back with it (they
 * cannot go first anyway, and this keeps them out of the due scan). Returns false when the lease had
 * been lost (another attempt has started since; its outcome is the one that counts).
 */
export async function recordAttempt(pool: pg.Pool, delivery: ClaimedDelivery, outcome: AttemptOutcome, retryDelayMs: number): Promise<boolean> {
  const result = await pool.query(
    `WITH recorded AS (
       UPDATE webhook_deliveries
          SET leased_until = NULL, last_status_code = $3, last_error = $4, last_response_excerpt = $5, last_duration_ms = $6,
              delivered_at = CASE WHEN $7::boolean THEN now() END,
              next_attempt_at = CASE WHEN $7::boolean THEN next_attempt_at ELSE now() + $8 * interval '1 millisecond' END
        WHERE id = $1 AND attempts = $2 AND delivered_at IS NULL
       RETURNING webhook_id, layer, feature_id, seq, next_attempt_at),
     held_back AS (
       UPDATE webhook_deliveries d SET next_attempt_at = greatest(d.next_attempt_at, r.next_attempt_at)
         FROM recorded r
        WHERE NOT $7::boolean AND d.webhook_id = r.webhook_id AND d.layer = r.layer AND d.feature_id = r.feature_id
          AND d.seq > r.seq AND d.delivered_at IS NULL
       RETURNING 1)
     SELECT (SELECT count(*) FROM recorded) AS recorded, (SELECT count(*) FROM held_back) AS held_back`,
    [
      delivery.id,
      delivery.attempt,
      outcome.statusCode,
      outcome.error?.slice(0, 500) ?? null,
      outcome.excerpt,
      outcome.durationMs,
      outcome.isAcknowledged,
      retryDelayMs,
    ],
  );
  return Number(result.rows[0]!.recorded) === 1;
}

/**
 * Milliseconds until the next delivery could be claimed (0 when one is due now), or null when nothing is
 * waiting. Deliveries held behind an earlier change of their feature, and leased ones, are left out: their
 * turn comes when the attempt ahead of them is recorded.
 */
export async function millisecondsUntilNextDue(pool: pg.Pool): Promise<number | null> {
  const result = await pool.query<{ wait_ms: number }>(
    `SELECT greatest(0, extract(epoch FROM d.next_attempt_at - now()) * 1000) AS wait_ms
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
      WHERE d.delivered_at IS NULL AND w.is_enabled AND (d.leased_until IS NULL OR d.leased_until < now())
        AND ${NO_EARLIER_PENDING}
      ORDER BY d.next_attempt_at LIMIT 1`,
  );
  return result.rows[0] ? Math.ceil(Number(result.rows[0].wait_ms)) : null;
}

/** Deletes delivered rows older than `days` (the log of what was sent; pending rows are never pruned). */
export async function pruneDeliveredBefore(pool: pg.Pool, days: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM webhook_deliveries WHERE id IN (
       SELECT id FROM webhook_deliveries WHERE delivered_at < now() - make_interval(days => $1) LIMIT 10000)`,
    [days],
  );
  return result.rowCount ?? 0;
}
