import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { prepareRows } from './prepare-rows.ts';
import { readGeojson, readGeojsonDocument } from './read-geojson.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/import');
const registry = new LayerRegistry();
const roads = registry.find('road_segments')!;
const read = (name: string) => readGeojson(readFileSync(join(FIXTURES, name)));

describe('prepareRows', () => {
  it('turns the hostile-name fixture into rows: case-insensitive names, converted values, fitted geometry', () => {
    const prepared = prepareRows(read('routes "Anfa" d\'été – طرق.geojson'), roads, {});
    expect(prepared.issues).toEqual([]);
    expect(prepared.rows.map((row) => row.values)).toEqual([
      {
        name_fr: 'Boulevard d\'Anfa "Test"; DROP TABLE road_segments; --',
        name_ar: 'شارع أنفا',
        road_class: 'primary',
        width_m: 24.5,
        lanes: 4,
        is_lit: true,
        last_works_on: '2023-06-15',
      },
      { name_fr: 'Rue Tata', road_class: 'residential', width_m: 8.5, lanes: 1, is_lit: true, last_works_on: '2021-03-01' },
      { road_class: 'service', is_lit: false, surface: 'paving_stones' },
      { name_fr: 'Voie piétonne Prince Moulay Abdallah', road_class: 'pedestrian', condition: 'fair', sidewalks: 'none' },
    ]);
    expect(prepared.rows[1]!.geometry).toEqual({ type: 'LineString', coordinates: [[-7.6175, 33.5951], [-7.6169, 33.5962]] });
    expect(prepared.notes.map((note) => note.en)).toEqual([
      '1 single-part MultiLineString geometry imported as LineString',
      '1 geometry with Z values: only longitude and latitude are kept',
    ]);
  });

  it('collects every feature issue, naming the source attribute when it was renamed', () => {
    const prepared = prepareRows(read('roads-bad-attributes.geojson'), roads, { attributeMap: { lanes: 'lanes' } });
    expect(prepared.rows.map((row) => row.featureIndex)).toEqual([0]);
    expect(prepared.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [1, '/properties/road_class', 'invalid-enum-value'],
      [2, '/properties/lanes', 'wrong-type'],
      [3, '/properties/road_class', 'required-property'],
      [4, '/properties/width_m', 'above-maximum'],
    ]);
    const renamed = prepareRows(
      readGeojsonDocument({ type: 'Feature', properties: { fclass: 'living_street' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }),
      roads,
      { attributeMap: { fclass: 'road_class' } },
    );
    expect(renamed.issues[0]).toMatchObject({ featureIndex: 0, attribute: 'fclass', pointer: '/properties/road_class' });
  });

  it('reports a mapping problem once, not once per feature', () => {
    const prepared = prepareRows(read('roads-unknown-attribute.geojson'), roads, {});
    expect(prepared.issues.map((issue) => [issue.featureIndex, issue.code])).toEqual([[undefined, 'unknown-attribute']]);
    expect(prepared.rows).toEqual([]);
  });

  it('reports geometry problems with the feature index', () => {
    const prepared = prepareRows(read('roads-points.geojson'), roads, {});
    expect(prepared.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [1, '/geometry/type', 'wrong-geometry-type'],
      [2, '/geometry/type', 'wrong-geometry-type'],
    ]);
  });

  it('notes the attributes left out', () => {
    const prepared = prepareRows(read('roads-unknown-attribute.geojson'), roads, { isUnknownIgnored: true });
    expect(prepared.issues).toEqual([]);
    expect(prepared.notes[0]!.en).toBe('Attributes left out: couleur, x"; DROP TABLE road_segments; --');
  });
});
