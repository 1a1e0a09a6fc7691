import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { buildSearchQuery, MIN_FUZZY_LENGTH, type SearchPlan } from './search-query.ts';

const PUBLIC_LAYERS = [
  { layerId: 'admin_areas', weight: 1, isAreaScoped: false },
  { layerId: 'road_segments', weight: 0.95, isAreaScoped: false },
  { layerId: 'permits', weight: 1, isAreaScoped: false },
];

function plan(overrides: Partial<SearchPlan> = {}): SearchPlan {
  return {
    textKey: 'bd zerktuni',
    coreKey: 'zerktuni',
    codeKey: 'bdzerktouni',
    layers: PUBLIC_LAYERS,
    areaIds: null,
    areas: new LayerRegistry().areas,
    position: null,
    limit: 10,
    withAreaContext: true,
    ...overrides,
  };
}

/** Every $n of the text has a value and every value is used (an unused one has no inferable type). */
function expectParametersConsistent(query: { text: string; values: unknown[] }): void {
  const used = new Set([...query.text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(query.values.map((_, index) => index + 1));
}

describe('buildSearchQuery', () => {
  it('binds the query keys, the layers and the limit instead of writing them into the SQL', () => {
    const hostile = "x' OR 1=1; DROP TABLE permits; --";
    const query = buildSearchQuery(plan({ textKey: hostile, coreKey: hostile, codeKey: 'x', limit: 7 }));
    expect(query.text).not.toContain('DROP TABLE');
    expect(query.text).not.toContain('road_segments');
    expect(query.values).toContain(hostile);
    expect(query.values).toContainEqual(['admin_areas', 'road_segments', 'permits']);
    expect(query.values).toContainEqual([1, 0.95, 1]);
    expect(query.values).toContain(7);
    expectParametersConsistent(query);
  });

  it('compares a Latin query with the French names only, by trigram word similarity of the core', () => {
    const query = buildSearchQuery(plan());
    expect(query.text).toMatch(/\$\d+::text <% search_core\(e\.key_fr\)/);
    expect(query.text).not.toContain('key_ar');
    expect(query.values).toContain('zerktuni');
    expect(query.values).toContain('bd zerktuni');
    expectParametersConsistent(query);
  });

  it('compares an Arabic query with the Arabic names only, and no code', () => {
    const query = buildSearchQuery(plan({ textKey: 'شارع زرقطوني', coreKey: 'زرقطوني', codeKey: '' }));
    expect(query.text).toMatch(/<% search_core\(e\.key_ar\)/);
    expect(query.text).not.toContain('key_fr');
    expect(query.text).not.toContain('key_code');
    expectParametersConsistent(query);
  });

  it(`matches keys shorter than ${MIN_FUZZY_LENGTH} characters as whole words and whole codes, never by trigrams`, () => {
    const query = buildSearchQuery(plan({ textKey: '12', coreKey: '12', codeKey: '12' }));
    expect(query.text).toMatch(/search_core\(e\.key_fr\) = \$\d+::text OR search_core\(e\.key_fr\) LIKE \$\d+::text \|\| ' %'/);
    expect(query.text).toMatch(/e\.key_code = \$\d+::text/);
    expect(query.text).not.toContain('<%');
    expect(query.text).not.toMatch(/ % e\.key_code/);
    expectParametersConsistent(query);
  });

  it('matches codes of three characters or more as substrings or by trigram similarity', () => {
    const query = buildSearchQuery(plan({ textKey: 'pd 2026 48', coreKey: 'pd 2026 48', codeKey: 'pd202648' }));
    expect(query.text).toMatch(/e\.key_code LIKE '%' \|\| \$\d+::text \|\| '%'/);
    expect(query.text).toMatch(/\$\d+::text % e\.key_code/);
    expect(query.values).toContain('pd202648');
  });

  it('confines area-scoped layers to the given areas and leaves the others alone', () => {
    const layers = [...PUBLIC_LAYERS.slice(0, 2), { layerId: 'permits', weight: 1, isAreaScoped: true }];
    const query = buildSearchQuery(plan({ layers, areaIds: [14, 15] }));
    expect(query.text).toMatch(/e\.layer <> ALL \(\$\d+::text\[\]\) OR EXISTS \(SELECT 1 FROM "public"\."admin_areas" AS area/);
    expect(query.values).toContainEqual(['permits']);
    expect(query.values).toContainEqual([14, 15]);
    expectParametersConsistent(query);
    expect(() => buildSearchQuery(plan({ layers, areaIds: null }))).toThrow(/area ids/);
  });

  it('adds the distance and the position bonus only when a position is given', () => {
    const without = buildSearchQuery(plan());
    expect(without.text).not.toContain('ST_MakePoint');
    expect(without.text).toContain('NULL::double precision AS distance_m');
    const near = buildSearchQuery(plan({ position: { lon: -7.62, lat: 33.59 } }));
    expect(near.text).toContain('e.point_metric <-> ST_Transform(ST_SetSRID(ST_MakePoint(');
    expect(near.text).toMatch(/text_score \+ \$\d+::double precision \/ \(1 \+ point_distance \/ \$\d+::double precision\)/);
    expect(near.values).toEqual(expect.arrayContaining([-7.62, 33.59]));
    expectParametersConsistent(near);
  });

  it('names the containing area only for callers who may read admin areas', () => {
    expect(buildSearchQuery(plan()).text).toContain('LEFT JOIN LATERAL');
    const blind = buildSearchQuery(plan({ withAreaContext: false }));
    expect(blind.text).not.toContain('admin_areas');
    expect(blind.text).toContain('NULL::bigint AS area_id');
    expectParametersConsistent(blind);
  });

  it('refuses a plan without layers or without any key', () => {
    expect(() => buildSearchQuery(plan({ layers: [] }))).toThrow(/layer/);
    expect(() => buildSearchQuery(plan({ textKey: '', coreKey: '', codeKey: '' }))).toThrow(/key/);
  });
});
