import { describe, expect, it } from 'vitest';
import { type CatalogColumn, findLayerMismatches } from './registry-check.ts';
import { LayerRegistry } from './registry.ts';

const stops = new LayerRegistry().find('transit_stops')!;

/** The catalog rows that the transit_stops migration produces. */
function matchingColumns(): CatalogColumn[] {
  const column = (column_name: string, type_name: string, is_not_null = true): CatalogColumn => ({
    column_name, type_name, is_not_null, geometry_type: null, geometry_srid: null,
  });
  return [
    column('id', 'int8'), column('version', 'int4'), column('updated_at', 'timestamptz'), column('created_at', 'timestamptz'),
    column('code', 'text'), column('mode', 'text'), column('name_fr', 'text'), column('name_ar', 'text'),
    column('line_codes', '_text'), column('is_accessible', 'bool'), column('is_approximate', 'bool'), column('gtfs_stop_id', 'text', false),
    column('area_id', 'int8', false),
    { column_name: 'geom', type_name: 'geometry', is_not_null: true, geometry_type: 'POINT', geometry_srid: 4326 },
    { column_name: 'geom_3857', type_name: 'geometry', is_not_null: false, geometry_type: 'POINT', geometry_srid: 3857 },
  ];
}

describe('findLayerMismatches', () => {
  it('accepts a table that matches', () => {
    expect(findLayerMismatches(stops, matchingColumns())).toEqual([]);
  });

  it('names the layer and the column that is missing', () => {
    const columns = matchingColumns().filter((column) => column.column_name !== 'name_ar');
    expect(findLayerMismatches(stops, columns)).toEqual([
      'layer transit_stops: column public.transit_stops.name_ar (property name_ar) does not exist',
    ]);
  });

  it('reports a wrong type, geometry type, SRID and nullability', () => {
    const columns = matchingColumns().map((column) => {
      if (column.column_name === 'is_accessible') return { ...column, type_name: 'text' };
      if (column.column_name === 'geom') return { ...column, geometry_type: 'LINESTRING', geometry_srid: 3857 };
      if (column.column_name === 'code') return { ...column, is_not_null: false };
      return column;
    });
    expect(findLayerMismatches(stops, columns)).toEqual([
      'layer transit_stops: column public.transit_stops.geom is LINESTRING, expected POINT',
      'layer transit_stops: column public.transit_stops.geom has SRID 3857, expected 4326',
      'layer transit_stops: column public.transit_stops.code (property code) is required but nullable',
      'layer transit_stops: column public.transit_stops.is_accessible (property is_accessible) is text, expected bool',
    ]);
  });

  it('reports a projected tile geometry that is missing or not in EPSG:3857', () => {
    const missing = matchingColumns().filter((column) => column.column_name !== 'geom_3857');
    expect(findLayerMismatches(stops, missing)).toEqual([
      'layer transit_stops: column public.transit_stops.geom_3857 (projected tile geometry) does not exist',
    ]);
    const unprojected = matchingColumns().map((column) => (column.column_name === 'geom_3857' ? { ...column, geometry_srid: 4326 } : column));
    expect(findLayerMismatches(stops, unprojected)).toEqual([
      'layer transit_stops: column public.transit_stops.geom_3857 has SRID 4326, expected 3857',
    ]);
  });

  it('reports a missing table once', () => {
    expect(findLayerMismatches(stops, [])).toEqual(['layer transit_stops: table public.transit_stops does not exist']);
  });
});
