import { type StoredFeature, toGeojsonFeature } from '../features/feature-row.ts';
import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';

/** One feature_history row as the dispatcher reads it. */
export interface ChangeRow {
  seq: number;
  layer: string;
  featureId: number;
  version: number;
  operation: string;
  committedAt: Date;
  before: StoredFeature | null;
  after: StoredFeature | null;
}

/** The JSON body of a webhook request (documented for receivers in webhookOperations). */
export interface WebhookPayload {
  /** Same as the Idempotency-Key header: `<hookId>:<seq>`. */
  id: string;
  type: 'feature.change';
  webhookId: number;
  change: {
    /** The change's number in commit order; the same cursor as GET /api/changes. */
    cursor: string;
    seq: number;
    layer: string;
    id: number;
    version: number;
    operation: string;
    committedAt: string;
    /** The feature after the change (null for a delete) and before it (null for a create). */
    after: ReturnType<typeof toGeojsonFeature> | null;
    before: ReturnType<typeof toGeojsonFeature> | null;
  };
}

/** Stable per hook and change: retries of one delivery carry the same key, other hooks another one. */
export function idempotencyKey(webhookId: number, seq: number): string {
  return `${webhookId}:${seq}`;
}

/**
 * Properties a webhook receives: every property of the layer except personal ones. A webhook target is
 * an outside system, so personal data (applicants' names, phones, e-mails, operators, inspectors) never
 * leaves through this channel whatever the hook follows. Properties that are in stored history but no
 * longer in the registry are dropped too (whitelist, not blacklist).
 */
export function webhookProperties(layer: LayerDefinition | undefined): [string, PropertyDefinition][] {
  if (!layer) return [];
  return Object.entries(layer.properties).filter(([, property]) => !property.personal);
}

/**
 * The body of the request for one change. Deterministic: every attempt of a delivery sends the same bytes
 * (only the signature's timestamp differs), which is what makes the idempotency key meaningful.
 * Who made the change (a staff username) and the free-text reason are not sent: both may identify or
 * describe people.
 */
export function buildWebhookPayload(webhookId: number, change: ChangeRow, layer: LayerDefinition | undefined): WebhookPayload {
  const properties = webhookProperties(layer);
  return {
    id: idempotencyKey(webhookId, change.seq),
    type: 'feature.change',
    webhookId,
    change: {
      cursor: String(change.seq),
      seq: change.seq,
      layer: change.layer,
      id: change.featureId,
      version: change.version,
      operation: change.operation,
      committedAt: change.committedAt.toISOString(),
      after: change.after ? toGeojsonFeature(change.after, properties) : null,
      before: change.before ? toGeojsonFeature(change.before, properties) : null,
    },
  };
}
