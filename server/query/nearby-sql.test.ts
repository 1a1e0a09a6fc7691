import { describe, expect, it } from 'vitest';
import { layerView } from '../auth/policy.ts';
import { PUBLIC_PRINCIPAL, type UserPrincipal } from '../auth/principal.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { buildNearbyQuery } from './nearby-sql.ts';
import { buildWithinPageQuery } from './within-sql.ts';

const registry = new LayerRegistry();
const permits = registry.find('permits')!;
const inspector: UserPrincipal = { kind: 'user', role: 'inspector', userId: 1, username: 'i', sessionId: 1, areaIds: [3, 4] };

describe('buildNearbyQuery', () => {
  it('orders by the metric index and binds the point, radius and limit', () => {
    const query = buildNearbyQuery(permits, layerView(PUBLIC_PRINCIPAL, permits, registry), { lon: -7.63, lat: 33.59, radius: 500, limit: 20 });
    expect(query.text).toMatchSnapshot();
    expect(query.values).toEqual([-7.63, 33.59, 500, 20]);
  });
});

describe('buildWithinPageQuery', () => {
  it('reads a page after an id inside an admin area or a polygon, confined when the caller is', () => {
    const byArea = buildWithinPageQuery(registry.areas, permits, layerView(inspector, permits, registry), { areaId: 7 }, { afterId: 100, room: 10 });
    expect(byArea.text).toMatchSnapshot();
    expect(byArea.values).toEqual([7, [3, 4], 100, 11]);
    const polygon = '{"type":"Polygon","coordinates":[]}';
    const byPolygon = buildWithinPageQuery(registry.areas, permits, layerView(PUBLIC_PRINCIPAL, permits, registry), { geojson: polygon }, { afterId: 0, room: 5 });
    expect(byPolygon.values).toEqual([polygon, 0, 6]);
    expect(byPolygon.text).not.toContain('Polygon');
  });
});
