import type pg from 'pg';
import { NotFoundError } from '../http/errors.ts';
import { generateWebhookSecret } from './webhook-signature.ts';

/** How long the previous secret keeps signing after a rotation (hours), so receivers can switch over. */
export const ROTATION_GRACE_HOURS = 24;

/** A webhook as administrators see it: never its secret. */
export interface WebhookRecord {
  id: number;
  url: string;
  layers: string[];
  description: string | null;
  isEnabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string;
  /** Until then the previous secret also signs (after a rotation), else null. */
  previousSecretExpiresAt: string | null;
  /** Highest change number looked at for this hook (a feature_history seq, as a string like feed cursors). */
  cursor: string;
  backlog: {
    /** Changes queued and not yet acknowledged. */
    pending: number;
    /** Of those, how many failed at least once. */
    failing: number;
    oldestPendingAt: string | null;
  };
  lastDeliveredAt: string | null;
}

const RECORD_COLUMNS = `w.id, w.url, w.layers, w.description, w.is_enabled, w.created_by, w.created_at, w.updated_at,
  w.secret_rotated_at, CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret_expires_at END AS previous_secret_expires_at,
  w.cursor,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL) AS pending,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL AND d.attempts > 0) AS failing,
  (SELECT min(d.created_at) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL) AS oldest_pending_at,
  (SELECT max(d.delivered_at) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NOT NULL) AS last_delivered_at`;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** A webhooks row with its backlog, as RECORD_COLUMNS selects it (bigints and counts read as text). */
interface WebhookRow {
  id: string;
  url: string;
  layers: string[];
  description: string | null;
  is_enabled: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  secret_rotated_at: Date;
  previous_secret_expires_at: Date | null;
  cursor: string;
  pending: string;
  failing: string;
  oldest_pending_at: Date | null;
  last_delivered_at: Date | null;
}

function toRecord(row: WebhookRow): WebhookRecord {
  return {
    id: Number(row.id),
    url: row.url,
    layers: row.layers,
    description: row.description,
    isEnabled: row.is_enabled,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    secretRotatedAt: row.secret_rotated_at.toISOString(),
    previousSecretExpiresAt: iso(row.previous_secret_expires_at),
    cursor: String(row.cursor),
    backlog: { pending: Number(row.pending), failing: Number(row.failing), oldestPendingAt: iso(row.oldest_pending_at) },
    lastDeliveredAt: iso(row.last_delivered_at),
  };
}

function notFound(id: number): NotFoundError {
  return new NotFoundError('webhook-not-found', `No webhook ${id}`);
}

export async function listWebhooks(pool: pg.Pool): Promise<WebhookRecord[]> {
  const result = await pool.query(`SELECT ${RECORD_COLUMNS} FROM webhooks w ORDER BY w.id`);
  return result.rows.map(toRecord);
}

export async function getWebhook(pool: pg.Pool, id: number): Promise<WebhookRecord> {
  const result = await pool.query(`SELECT ${RECORD_COLUMNS} FROM webhooks w WHERE w.id = $1`, [id]);
  if (!result.rows[0]) throw notFound(id);
  return toRecord(result.rows[0]);
}

export interface NewWebhook {
  url: string;
  layers: string[];
  description?: string;
  isEnabled?: boolean;
  createdBy: string;
}

/**
 * Registers a hook that follows changes committed from now on: its cursor starts at the newest committed
 * change (numbers still uncommitted are higher, so they are delivered). Returns the secret, once.
 */
export async function createWebhook(pool: pg.Pool, input: NewWebhook): Promise<{ record: WebhookRecord; secret: string }> {
  const secret = generateWebhookSecret();
  const result = await pool.query<{ id: number }>(
    `INSERT INTO webhooks (url, layers, description, is_enabled, secret, created_by, cursor)
     VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(seq), 0) FROM feature_history)) RETURNING id`,
    [input.url, input.layers, input.description ?? null, input.isEnabled ?? true, secret, input.createdBy],
  );
  return { record: await getWebhook(pool, Number(result.rows[0]!.id)), secret };
}

export interface WebhookChanges {
  url?: string;
  layers?: string[];
  description?: string | null;
  isEnabled?: boolean;
}

/** Changes the given fields; a change of layers applies to changes not yet looked at (past the cursor). */
export async function updateWebhook(pool: pg.Pool, id: number, changes: WebhookChanges): Promise<WebhookRecord> {
  const result = await pool.query(
    `UPDATE webhooks SET url = coalesce($2, url), layers = coalesce($3, layers),
            description = CASE WHEN $4::boolean THEN $5 ELSE description END,
            is_enabled = coalesce($6, is_enabled), updated_at = now()
      WHERE id = $1`,
    [id, changes.url ?? null, changes.layers ?? null, changes.description !== undefined, changes.description ?? null, changes.isEnabled ?? null],
  );
  if (result.rowCount === 0) throw notFound(id);
  return getWebhook(pool, id);
}

/**
 * Replaces the secret. The old one keeps signing alongside the new one for ROTATION_GRACE_HOURS unless
 * `isImmediate` (a leaked secret must stop working at once).
 */
export async function rotateWebhookSecret(pool: pg.Pool, id: number, isImmediate: boolean): Promise<{ record: WebhookRecord; secret: string }> {
  const secret = generateWebhookSecret();
  const result = await pool.query(
    `UPDATE webhooks SET
            previous_secret = CASE WHEN $3::boolean THEN NULL ELSE secret END,
            previous_secret_expires_at = CASE WHEN $3::boolean THEN NULL ELSE now() + make_interval(hours => $4) END,
            secret = $2, secret_rotated_at = now(), updated_at = now()
      WHERE id = $1`,
    [id, secret, isImmediate, ROTATION_GRACE_HOURS],
  );
  if (result.rowCount === 0) throw notFound(id);
  return { record: await getWebhook(pool, id), secret };
}

/** Deletes a hook and its delivery log; queued deliveries are dropped. */
export async function deleteWebhook(pool: pg.Pool, id: number): Promise<void> {
  const result = await pool.query('DELETE FROM webhooks WHERE id = $1', [id]);
  if (result.rowCount === 0) throw notFound(id);
}

/** Makes every pending delivery of a hook due now (after its target was fixed); returns how many. */
export async function retryPendingNow(pool: pg.Pool, id: number): Promise<number> {
  const result = await pool.query<{ exists: boolean; rescheduled: number }>(
    `WITH rescheduled AS (
       UPDATE webhook_deliveries SET next_attempt_at = now()
        WHERE webhook_id = $1 AND delivered_at IS NULL AND next_attempt_at > now() RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = $1) AS exists, (SELECT count(*) FROM rescheduled) AS rescheduled`,
    [id],
  );
  if (!result.rows[0]!.exists) throw notFound(id);
  return Number(result.rows[0]!.rescheduled);
}

