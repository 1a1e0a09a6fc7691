import { describe, expect, it } from 'vitest';
import { layerView } from '../auth/policy.ts';
import { PUBLIC_PRINCIPAL, type UserPrincipal } from '../auth/principal.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { buildStatsQuery } from './stats-sql.ts';

const registry = new LayerRegistry();
const permits = registry.find('permits')!;
const inspections = registry.find('inspections')!;
const inspector: UserPrincipal = { kind: 'user', role: 'inspector', userId: 1, username: 'i', sessionId: 1, areaIds: [14] };

describe('buildStatsQuery', () => {
  it('groups permits by their stored area, with the pending buckets and the expiring count', () => {
    const status = permits.properties.status!;
    const query = buildStatsQuery(registry.areas, permits, layerView(PUBLIC_PRINCIPAL, permits, registry), {
      by: 'arrondissement', equals: [{ property: status, value: 'approved' }], from: '2026-01-01', today: '2026-11-30',
    });
    expect(query.text).toMatchSnapshot();
    expect(query.values).toEqual(['approved', '2026-01-01', '2026-11-30', 'arrondissement', ['submitted', 'under_review'], 0, 30, 31, 60, 61, 90, 91, ['approved'], 30]);
    expect(query.text).not.toMatch(/ST_Intersects\(a\./);
  });

  it('adds the average and the share of inspections, and confines a confined inspector to its areas', () => {
    const query = buildStatsQuery(registry.areas, inspections, layerView(inspector, inspections, registry), { by: 'prefecture', equals: [] });
    expect(query.text).toMatchSnapshot();
    expect(query.values).toEqual([[14], 'prefecture', ['C']]);
  });
});
