import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { buildInsertStatement, groupRowsByProperties, type ImportRow, toRecord } from './insert-rows.ts';

const registry = new LayerRegistry();
const roads = registry.find('road_segments')!;
const line = { type: 'LineString' as const, coordinates: [[-7.62, 33.59], [-7.61, 33.6]] };

/** A layer whose table and column names are hostile, to prove they are escaped (STYLE.md fixtures). */
const hostile: LayerDefinition = {
  ...roads,
  table: { schema: 'odd "schema"', name: 'road; DROP TABLE x; --' },
  geometry: { ...roads.geometry, column: 'the "geom"' },
  properties: {
    label: { column: 'Name With "Quotes"', type: 'string', label: { fr: 'x', ar: 'x', en: 'x' } },
    tags: { column: 'tags', type: 'string_list', label: { fr: 'x', ar: 'x', en: 'x' } },
  },
};

describe('buildInsertStatement', () => {
  it('inserts from one JSON parameter, with registry columns and the SRID as a parameter', () => {
    expect(buildInsertStatement(roads, ['name_fr', 'road_class', 'width_m', 'lanes', 'is_lit', 'last_works_on'])).toBe(
      [
        'INSERT INTO "public"."road_segments" ("name_fr", "road_class", "width_m", "lanes", "is_lit", "last_works_on", "geom")',
        'SELECT r.p0, r.p1, r.p2, r.p3, r.p4, r.p5, ST_SetSRID(ST_GeomFromGeoJSON(r.g), $2::integer)',
        '  FROM json_to_recordset($1::json) AS r(p0 text, p1 text, p2 double precision, p3 bigint, p4 boolean, p5 date, g json)',
      ].join('\n'),
    );
  });

  it('escapes hostile registry names and never uses property names in the record', () => {
    expect(buildInsertStatement(hostile, ['label', 'tags'])).toBe(
      [
        'INSERT INTO "odd ""schema"""."road; DROP TABLE x; --" ("Name With ""Quotes""", "tags", "the ""geom""")',
        'SELECT r.p0, r.p1, ST_SetSRID(ST_GeomFromGeoJSON(r.g), $2::integer)',
        '  FROM json_to_recordset($1::json) AS r(p0 text, p1 text[], g json)',
      ].join('\n'),
    );
  });

  it('refuses a property the layer does not have', () => {
    expect(() => buildInsertStatement(roads, ['colour'])).toThrow(/no property colour/);
  });
});

describe('groupRowsByProperties', () => {
  it('groups rows by the properties they carry, in registry order, so absent ones take the column default', () => {
    const rows: ImportRow[] = [
      { featureIndex: 0, values: { road_class: 'primary', name_fr: 'A' }, geometry: line },
      { featureIndex: 1, values: { road_class: 'service' }, geometry: line },
      { featureIndex: 2, values: { name_fr: 'B', road_class: 'primary', width_m: null }, geometry: line },
    ];
    const groups = groupRowsByProperties(roads, rows);
    expect(groups.map((group) => [group.propertyNames, group.rows.map((row) => row.featureIndex)])).toEqual([
      [['name_fr', 'road_class'], [0, 2]],
      [['road_class'], [1]],
    ]);
    expect(toRecord(rows[0]!, groups[0]!.propertyNames)).toEqual({ g: line, p0: 'A', p1: 'primary' });
  });
});
