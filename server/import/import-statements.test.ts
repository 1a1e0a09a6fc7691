import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { LayerRegistry } from '../layers/registry.ts';
import type { WriteRow } from './import-row.ts';
import { buildChangedQuery, buildInsertStatement, buildLeavesQuery, buildUpdateStatement, groupRowsByProperties, toRecord } from './import-statements.ts';

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

function row(featureIndex: number, values: WriteRow['values'], id = featureIndex + 100): WriteRow {
  return { featureIndex, values, geometry: line, id, isUpdate: false, depth: 0 };
}

describe('import statements', () => {
  it('insert under reserved ids from one JSON parameter, with registry columns', () => {
    expect(buildInsertStatement(roads, ['name_fr', 'road_class', 'width_m', 'lanes', 'is_lit', 'last_works_on'])).toBe([
      'INSERT INTO "public"."road_segments" ("id", "name_fr", "road_class", "width_m", "lanes", "is_lit", "last_works_on", "geom")',
      'SELECT r.id, r.p0, r.p1, r.p2, r.p3, r.p4, r.p5, ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326)',
      '  FROM json_to_recordset($1::json) AS r(id bigint, p0 text, p1 text, p2 double precision, p3 bigint, p4 boolean, p5 date, g json)',
    ].join('\n'));
  });

  it('update only what differs, and find it without writing', () => {
    expect(buildUpdateStatement(roads, ['name_fr', 'is_one_way'])).toBe([
      'UPDATE "public"."road_segments" AS t SET "name_fr" = r.p0, "is_one_way" = r.p1, "geom" = ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326)',
      '  FROM json_to_recordset($1::json) AS r(id bigint, p0 text, p1 boolean, g json)',
      ' WHERE t."id" = r.id',
      '   AND ((t."name_fr", t."is_one_way") IS DISTINCT FROM (r.p0, r.p1)',
      '        OR NOT ST_OrderingEquals(t."geom", ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326)))',
      'RETURNING t."id" AS id',
    ].join('\n'));
    expect(buildChangedQuery(roads, ['name_fr'])).toBe([
      'SELECT t."id" AS id',
      '  FROM json_to_recordset($1::json) AS r(id bigint, p0 text, g json)',
      '  JOIN "public"."road_segments" AS t ON t."id" = r.id',
      ' WHERE (t."name_fr") IS DISTINCT FROM (r.p0)',
      '        OR NOT ST_OrderingEquals(t."geom", ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326))',
    ].join('\n'));
  });

  it('find the features no other among them has as parent (children are deleted first)', () => {
    expect(buildLeavesQuery(registry.areas, 'parent_id')).toContain('NOT EXISTS (SELECT 1 FROM "public"."admin_areas" AS c WHERE c."parent_id" = t."id" AND c."id" = ANY ($1::bigint[]))');
  });

  it('escape hostile registry names and never put a property name in a record', () => {
    expect(buildInsertStatement(hostile, ['label', 'tags'])).toBe([
      'INSERT INTO "odd ""schema"""."road; DROP TABLE x; --" ("id", "Name With ""Quotes""", "tags", "the ""geom""")',
      'SELECT r.id, r.p0, r.p1, ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326)',
      '  FROM json_to_recordset($1::json) AS r(id bigint, p0 text, p1 text[], g json)',
    ].join('\n'));
    expect(() => buildInsertStatement(roads, ['colour'])).toThrow(/no property colour/);
  });
});

describe('groupRowsByProperties', () => {
  it('groups rows by the properties they carry, in registry order, so absent ones take the column default', () => {
    const rows = [row(0, { road_class: 'primary', name_fr: 'A' }), row(1, { road_class: 'service' }), row(2, { name_fr: 'B', road_class: 'primary', width_m: null })];
    const groups = groupRowsByProperties(roads, rows);
    expect(groups.map((group) => [group.propertyNames, group.rows.map((candidate) => candidate.featureIndex)])).toEqual([
      [['name_fr', 'road_class'], [0, 2]],
      [['road_class'], [1]],
    ]);
    expect(toRecord(rows[0]!, groups[0]!.propertyNames)).toEqual({ id: 100, g: line, p0: 'A', p1: 'primary' });
  });
});
