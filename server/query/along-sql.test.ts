import { describe, expect, it } from 'vitest';
import { layerView } from '../auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../auth/principal.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { buildAlongQuery, buildRoadExistsQuery } from './along-sql.ts';

const registry = new LayerRegistry();
const permits = registry.find('permits')!;
const view = layerView(PUBLIC_PRINCIPAL, permits, registry);

describe('buildAlongQuery', () => {
  it('searches each segment of a street on its own and places features by their segment', () => {
    const query = buildAlongQuery(registry.streets!, permits, view, { segmentIds: [12, 7, 40] }, { distance: 100, limit: 50 });
    expect(query.text).toMatchSnapshot();
    expect(query.values).toEqual([[12, 7, 40], 100, 50]);
    expect(query.text).not.toContain('applicant');
  });

  it('selects one segment by id, and checks that the road exists with the same condition', () => {
    expect(buildAlongQuery(registry.streets!, permits, view, { roadId: 42 }, { distance: 30, limit: 5 }).values).toEqual([42, 30, 5]);
    expect(buildRoadExistsQuery(registry.streets!, { roadId: 42 })).toMatchSnapshot();
  });
});
