import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from './layer-definition.ts';
import { buildPropertyValidator, isIsoDate, isIsoDateTime, toJsonPointer, validateProperties } from './property-validation.ts';
import { LayerRegistry } from './registry.ts';

const registry = new LayerRegistry();
const roads = registry.find('road_segments')!;
const inspections = registry.find('inspections')!;
const stops = registry.find('transit_stops')!;
const validateRoad = buildPropertyValidator(roads);

function codes(properties: unknown, layer: LayerDefinition = roads, mode: 'create' | 'replace' | 'update' = 'create') {
  return validateProperties(layer, properties, mode).issues.map((issue) => [issue.pointer, issue.code]);
}

describe('buildPropertyValidator', () => {
  it('accepts a complete road and returns its values', () => {
    const properties = {
      name_fr: 'Boulevard d’Anfa',
      name_ar: 'شارع أنفا',
      road_class: 'primary',
      width_m: 24.5,
      lanes: 4,
      is_lit: true,
      last_works_on: '2024-02-29',
    };
    expect(validateRoad(properties, 'create')).toEqual({ values: properties, issues: [] });
  });

  it('names the allowed properties when one is unknown, and never lists read-only ones', () => {
    const [issue] = validateRoad({ road_class: 'primary', colour: '#ff0000' }, 'create').issues;
    expect(issue).toMatchObject({ pointer: '/properties/colour', code: 'unknown-property' });
    expect(issue!.message.en).toContain('name_fr, name_ar, road_class, surface');
    expect(issue!.message.en).not.toContain('created_at');
    expect(issue!.message.fr).toContain('Propriété inconnue « colour »');
    expect(issue!.message.ar).toContain('colour');
  });

  it('refuses read-only properties on create, even as null, and hands them to the writer on replace and update', () => {
    expect(codes({ road_class: 'primary', created_at: '2024-01-01T00:00:00Z', updated_at: null })).toEqual([
      ['/properties/created_at', 'read-only-property'],
      ['/properties/updated_at', 'read-only-property'],
    ]);
    // GDAL and QGIS send back what they read: the writer compares these with the feature's current values.
    expect(validateProperties(stops, { line_codes: ['T1'] }, 'update')).toEqual({ values: {}, issues: [], readOnly: { line_codes: ['T1'] } });
    expect(validateProperties(roads, { road_class: 'primary', updated_at: '2024-01-01T00:00:00Z' }, 'replace').readOnly).toEqual({ updated_at: '2024-01-01T00:00:00Z' });
  });

  it('needs required properties on create and replace, but not on update unless cleared', () => {
    expect(codes({}, roads, 'create')).toEqual([['/properties/road_class', 'required-property']]);
    expect(codes({ road_class: null }, roads, 'replace')).toEqual([['/properties/road_class', 'required-property']]);
    expect(codes({ lanes: 2 }, roads, 'update')).toEqual([]);
    expect(codes({ road_class: null }, roads, 'update')).toEqual([['/properties/road_class', 'required-property']]);
  });

  it('lets optional properties be cleared with null', () => {
    expect(validateRoad({ road_class: 'service', width_m: null, name_fr: null }, 'create')).toEqual({
      values: { road_class: 'service', width_m: null, name_fr: null },
      issues: [],
    });
  });

  it('refuses a properties member that is not an object', () => {
    for (const value of [null, [], 'x', 3]) {
      expect(codes(value)).toEqual([['/properties', 'properties-not-object']]);
    }
  });

  it.each([
    [{ width_m: '12' }, 'wrong-type'],
    [{ width_m: Number.NaN }, 'not-finite'],
    [{ width_m: Number.POSITIVE_INFINITY }, 'not-finite'],
    [{ width_m: 0.4 }, 'below-minimum'],
    [{ width_m: 120.5 }, 'above-maximum'],
    [{ lanes: 2.5 }, 'not-integer'],
    [{ lanes: 0 }, 'below-minimum'],
    [{ lanes: 13 }, 'above-maximum'],
    [{ is_lit: 'true' }, 'wrong-type'],
    [{ is_lit: 1 }, 'wrong-type'],
    [{ last_works_on: '2023-02-29' }, 'invalid-date'],
    [{ last_works_on: '2024-13-01' }, 'invalid-date'],
    [{ last_works_on: '01/02/2024' }, 'invalid-date'],
    [{ last_works_on: 20240101 }, 'wrong-type'],
    [{ surface: 'cobblestone' }, 'invalid-enum-value'],
    [{ surface: 1 }, 'invalid-enum-value'],
    [{ name_fr: 'x'.repeat(201) }, 'string-too-long'],
    [{ name_fr: '   ' }, 'empty-string'],
    [{ name_fr: 'a\u0000b' }, 'invalid-character'],
    [{ name_fr: 12 }, 'wrong-type'],
  ])('reports %j as %s', (extra, code) => {
    const issues = validateRoad({ road_class: 'residential', ...extra }, 'create').issues;
    expect(issues.map((issue) => issue.code)).toEqual([code]);
    expect(issues[0]!.pointer).toBe(`/properties/${Object.keys(extra)[0]}`);
  });

  it('counts string length in characters as PostgreSQL does (Arabic, emoji)', () => {
    expect(codes({ road_class: 'residential', name_ar: 'ش'.repeat(200) })).toEqual([]);
    expect(codes({ road_class: 'residential', name_ar: '🚦'.repeat(200) })).toEqual([]);
    expect(codes({ road_class: 'residential', name_ar: '🚦'.repeat(201) })).toEqual([['/properties/name_ar', 'string-too-long']]);
  });

  it('explains enum and range issues with labels, values and units in three languages', () => {
    const [enumIssue, rangeIssue] = validateRoad({ road_class: 'highway', width_m: 130 }, 'create').issues;
    expect(enumIssue!.message.fr).toBe(
      'Classe de voie (road_class) : « highway » n’est pas une valeur permise (motorway, trunk, primary, secondary, tertiary, residential, service, pedestrian)',
    );
    expect(rangeIssue!.message.en).toBe('Width (width_m): 130 is above the maximum 120 m');
    expect(rangeIssue!.message.ar).toContain('العرض (width_m)');
  });

  it('checks string lists item by item against their vocabulary, pointing at the bad item', () => {
    const base = { establishment_id: 1, inspected_on: '2024-05-02', inspector_name: 'K. Alaoui', score: 70, grade: 'B', outcome: 'compliant' };
    const [pests, expired] = ['NUI-01 Présence de nuisibles', 'ALI-01 Denrées périmées'];
    expect(codes({ ...base, violations: [pests, expired] }, inspections)).toEqual([]);
    expect(codes({ ...base, violations: 'sol sale' }, inspections)).toEqual([['/properties/violations', 'wrong-type']]);
    expect(codes({ ...base, violations: [pests, 3] }, inspections)).toEqual([['/properties/violations/1', 'wrong-type']]);
    expect(codes({ ...base, violations: [pests, ''] }, inspections)).toEqual([['/properties/violations/1', 'empty-string']]);
    expect(codes({ ...base, violations: [pests, 'sol sale'] }, inspections)).toEqual([['/properties/violations/1', 'invalid-enum-value']]);
  });

  it('escapes hostile property names in pointers and does not trip on __proto__', () => {
    const hostile = JSON.parse('{"road_class":"primary","a/b~c":1,"__proto__":{"x":1}}');
    expect(codes(hostile)).toEqual([
      ['/properties/a~1b~0c', 'unknown-property'],
      ['/properties/__proto__', 'unknown-property'],
    ]);
  });
});

describe('date helpers', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['0000-01-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
  ])('isIsoDate(%s) = %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ['2024-05-01T08:30:00Z', true],
    ['2024-05-01T08:30Z', true],
    ['2024-05-01T08:30:00.123456+01:00', true],
    ['2024-05-01T08:30:00', false],
    ['2024-05-01 08:30:00Z', false],
    ['2024-05-01T24:00:00Z', false],
    ['2024-02-30T08:30:00Z', false],
    ['2024-05-01T08:30:00+15:00', false],
  ])('isIsoDateTime(%s) = %s', (value, expected) => expect(isIsoDateTime(value)).toBe(expected));
});

describe('toJsonPointer', () => {
  it('escapes ~ and / as RFC 6901 says', () => {
    expect(toJsonPointer('properties', 'a/b', '~x', 2)).toBe('/properties/a~1b/~0x/2');
  });
});
