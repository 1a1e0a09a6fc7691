import type pg from 'pg';
import { NotFoundError } from '../http/errors.ts';

/**
 * Where a delivery stands: `queued` (not tried yet, or waiting behind an earlier change of its feature),
 * `sending` (an attempt is under way), `retrying` (failed at least once, next attempt at nextAttemptAt),
 * `delivered` (acknowledged with a 2xx).
 */
export type DeliveryState = 'queued' | 'sending' | 'retrying' | 'delivered';

/** One line of a hook's delivery log. */
export interface DeliveryEntry {
  id: number;
  idempotencyKey: string;
  change: { cursor: string; layer: string; id: number; version: number; operation: string; committedAt: string };
  state: DeliveryState;
  queuedAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** The first characters of the target's last answer. */
  lastResponseExcerpt: string | null;
  lastDurationMs: number | null;
  /** Null once delivered. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** A webhook_deliveries row joined to its change, as the log selects it (bigints read as text). */
interface DeliveryRow {
  id: string;
  webhook_id: string;
  seq: string;
  layer: string;
  feature_id: string;
  version: number;
  operation: string;
  committed_at: Date;
  created_at: Date;
  attempts: number;
  is_leased: boolean;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  last_response_excerpt: string | null;
  last_duration_ms: number | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
}

function stateOf(row: DeliveryRow): DeliveryState {
  if (row.delivered_at) return 'delivered';
  if (row.is_leased) return 'sending';
  return row.attempts > 0 ? 'retrying' : 'queued';
}

function toEntry(row: DeliveryRow): DeliveryEntry {
  return {
    id: Number(row.id),
    idempotencyKey: `${row.webhook_id}:${row.seq}`,
    change: {
      cursor: String(row.seq),
      layer: row.layer,
      id: Number(row.feature_id),
      version: row.version,
      operation: row.operation,
      committedAt: row.committed_at.toISOString(),
    },
    state: stateOf(row),
    queuedAt: row.created_at.toISOString(),
    attempts: row.attempts,
    lastAttemptAt: iso(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastResponseExcerpt: row.last_response_excerpt,
    lastDurationMs: row.last_duration_ms,
    nextAttemptAt: row.delivered_at ? null : row.next_attempt_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
  };
}

export interface DeliveryLogQuery {
  limit: number;
  /** Only entries older than this delivery id (the `next` link of the previous page). */
  beforeId?: number;
  /** `pending` = not acknowledged yet; `delivered` = acknowledged. */
  status?: 'pending' | 'delivered';
}

/** A page of a hook's delivery log, newest first; 404 for an unknown hook. */
export async function listDeliveries(pool: pg.Pool, webhookId: number, query: DeliveryLogQuery): Promise<DeliveryEntry[]> {
  const exists = await pool.query('SELECT 1 FROM webhooks WHERE id = $1', [webhookId]);
  if (exists.rowCount === 0) throw new NotFoundError('webhook-not-found', `No webhook ${webhookId}`);
  const result = await pool.query(
    `SELECT d.id, d.webhook_id, d.seq, d.layer, d.feature_id, h.version, h.operation, h.committed_at, d.created_at,
            d.attempts, d.next_attempt_at, coalesce(d.leased_until > now(), false) AS is_leased, d.last_attempt_at,
            d.last_status_code, d.last_error, d.last_response_excerpt, d.last_duration_ms, d.delivered_at
       FROM webhook_deliveries d JOIN feature_history h ON h.seq = d.seq
      WHERE d.webhook_id = $1 AND ($2::bigint IS NULL OR d.id < $2)
        AND ($3::text IS NULL OR ($3 = 'pending') = (d.delivered_at IS NULL))
      ORDER BY d.id DESC LIMIT $4`,
    [webhookId, query.beforeId ?? null, query.status ?? null, query.limit],
  );
  return result.rows.map(toEntry);
}
