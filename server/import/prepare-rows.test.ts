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

  it('collects every feature issue, and values a listed property cannot take once per attribute', () => {
    const prepared = prepareRows(read('roads-bad-attributes.geojson'), roads, { attributeMap: { lanes: 'lanes' } });
    expect(prepared.rows.map((row) => row.featureIndex)).toEqual([0]);
    expect(prepared.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [undefined, '/properties/road_class', 'unmapped-value'],
      [2, '/properties/lanes', 'wrong-type'],
      [3, '/properties/road_class', 'required-property'],
      [4, '/properties/width_m', 'above-maximum'],
    ]);
    const renamed = prepareRows(
      readGeojsonDocument({ type: 'Feature', properties: { fclass: 'living_street' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }),
      roads,
      { attributeMap: { fclass: 'road_class' } },
    );
    expect(renamed.issues[0]).toMatchObject({ attribute: 'fclass', pointer: '/properties/road_class', field: 'road_class', code: 'unmapped-value' });
    expect(renamed.issues[0]!.message.en).toContain('holds living_street (1): living_street matches no value of road_class (motorway, trunk');
    expect(renamed.issues[0]!.hint!.en).toBe('say what each value means: --map-value road_class:living_street=…');
  });

  it('refuses a yes/no attribute with values of its own until every value is said (Geofabrik oneway B, F, T)', () => {
    const line = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
    const dataset = readGeojsonDocument({
      type: 'FeatureCollection',
      features: ['B', 'F', 'T', 'B', null].map((oneway) => ({ type: 'Feature', properties: { road_class: 'primary', oneway }, geometry: line })),
    });
    const options = { attributeMap: { oneway: 'is_one_way' } };
    const unsaid = prepareRows(dataset, roads, options);
    expect(unsaid.issues.map((issue) => [issue.code, issue.attribute, issue.pointer])).toEqual([['ambiguous-value', 'oneway', '/properties/is_one_way']]);
    expect(unsaid.issues[0]!.message.en).toBe('Attribute oneway holds B (2), F (1), T (1): what B, F, T means for is_one_way (true, false) is not certain');
    // F and T alone would read as false and true: once B needs saying, they must be said too.
    const halfSaid = prepareRows(dataset, roads, { ...options, valueMaps: { is_one_way: { B: 'false' } } });
    expect(halfSaid.issues[0]!.message.en).toContain('what F, T means for is_one_way');
    const said = prepareRows(dataset, roads, { ...options, valueMaps: { is_one_way: { B: 'false', F: 'true', T: 'true' } } });
    expect(said.issues).toEqual([]);
    expect(said.rows.map((row) => row.values.is_one_way)).toEqual([false, true, true, false, undefined]);
    expect(said.values.find((entry) => entry.attribute === 'oneway')).toEqual({
      attribute: 'oneway', property: 'is_one_way', type: 'boolean', nulls: 1, distinct: 3,
      values: [
        { source: 'B', count: 2, result: false, isRefused: false, isExplicit: true },
        { source: 'F', count: 1, result: true, isRefused: false, isExplicit: true },
        { source: 'T', count: 1, result: true, isRefused: false, isExplicit: true },
      ],
    });
  });

  it('keeps the key, the parent link and the values a derived parent takes', () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const areas = registry.find('admin_areas')!;
    const dataset = readGeojsonDocument({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { hcp: '06.141.01.01', kind: 'arrondissement', name_fr: 'Anfa', province: 'Casablanca' }, geometry: square },
      { type: 'Feature', properties: { hcp: '06.141.01.01', kind: 'arrondissement', name_fr: 'Anfa bis', province: 'Casablanca' }, geometry: square },
    ] });
    const prepared = prepareRows(dataset, areas, {
      attributeMap: { hcp: 'code', kind: 'level' }, key: 'hcp', parent: { attribute: 'hcp', prefixLength: 6, property: 'code' },
      deriveParents: { level: 'prefecture', from: { name_fr: 'province' } },
    });
    expect(prepared.rows[0]).toMatchObject({ key: '06.141.01.01', parentLink: '06.141', parentValues: { name_fr: 'Casablanca' } });
    expect(prepared.issues.map((issue) => [issue.featureIndex, issue.code])).toEqual([[1, 'duplicate-key']]);
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
