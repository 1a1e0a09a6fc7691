import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { buildWebhookPayload, type ChangeRow, idempotencyKey, webhookProperties } from './webhook-payload.ts';

const registry = new LayerRegistry();

function permitChange(overrides: Partial<ChangeRow> = {}): ChangeRow {
  const stored = (status: string) => ({
    id: 41,
    version: 2,
    updatedAt: '2026-11-03T09:00:00.000Z',
    geometry: { type: 'Point' as const, coordinates: [-7.63, 33.59] },
    properties: {
      reference: 'PC-2026-00041', kind: 'renovation', status, applicant_name: 'Khadija Bennani',
      applicant_phone: '+212 661 234 567', applicant_email: 'k.bennani@example.ma', retired_column: 'x',
    },
  });
  return {
    seq: 1234, layer: 'permits', featureId: 41, version: 2, operation: 'update',
    committedAt: new Date('2026-11-03T09:00:00Z'), before: stored('submitted'), after: stored('under_review'), ...overrides,
  };
}

describe('webhook payload', () => {
  it('carries the change and the feature after and before, with a stable id', () => {
    const payload = buildWebhookPayload(7, permitChange(), registry.find('permits'));
    expect(payload).toMatchObject({
      id: '7:1234', type: 'feature.change', webhookId: 7,
      change: { cursor: '1234', seq: 1234, layer: 'permits', id: 41, version: 2, operation: 'update', committedAt: '2026-11-03T09:00:00.000Z' },
    });
    expect(payload.change.after).toMatchObject({ type: 'Feature', id: 41, geometry: { type: 'Point' }, properties: { reference: 'PC-2026-00041', status: 'under_review' } });
    expect(payload.change.before?.properties.status).toBe('submitted');
    expect(idempotencyKey(7, 1234)).toBe(payload.id);
    expect(JSON.stringify(buildWebhookPayload(7, permitChange(), registry.find('permits')))).toBe(JSON.stringify(payload));
  });

  it('never carries personal properties, or properties the registry does not know', () => {
    const text = JSON.stringify(buildWebhookPayload(7, permitChange(), registry.find('permits')));
    for (const value of ['Khadija', '+212', 'example.ma', 'applicant_', 'retired_column']) expect(text).not.toContain(value);
    for (const layer of registry.layers) {
      const sent = new Set(webhookProperties(layer).map(([name]) => name));
      for (const [name, property] of Object.entries(layer.properties)) expect(sent.has(name), `${layer.id}.${name}`).toBe(!property.personal);
    }
  });

  it('sends null for the missing side of a create or a delete, and nothing for an unknown layer', () => {
    const created = buildWebhookPayload(1, permitChange({ operation: 'create', before: null }), registry.find('permits'));
    expect(created.change.before).toBeNull();
    const deleted = buildWebhookPayload(1, permitChange({ operation: 'delete', after: null }), registry.find('permits'));
    expect(deleted.change.after).toBeNull();
    const unknown = buildWebhookPayload(1, permitChange({ layer: 'gone' }), undefined);
    expect(unknown.change.after?.properties).toEqual({});
  });
});
