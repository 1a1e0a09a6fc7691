import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { type SearchRow, toSearchResult } from './search-results.ts';

const registry = new LayerRegistry();

function row(overrides: Partial<SearchRow>): SearchRow {
  return {
    layer: 'road_segments',
    id: 91,
    kind: 'street',
    name_fr: 'Boulevard Zerktouni',
    name_ar: 'شارع الزرقطوني',
    code: null,
    subtype: 'primary',
    details: { segment_ids: [91, 92, 93], length_m: 3523 },
    score: 0.985612345,
    lon: -7.6329515765,
    lat: 33.5877876945,
    bbox: [-7.644, 33.577, -7.6195, 33.601],
    distance_m: null,
    area_id: 3,
    area_code: '06.141.01.03',
    area_name_fr: 'Maârif',
    area_name_ar: 'المعاريف',
    ...overrides,
  };
}

describe('toSearchResult', () => {
  it('describes a street with its area, registry labels, segments and rounded numbers', () => {
    expect(toSearchResult(registry, row({}))).toEqual({
      layer: 'road_segments',
      kind: 'street',
      id: 91,
      name: { fr: 'Boulevard Zerktouni', ar: 'شارع الزرقطوني' },
      label: { fr: 'Boulevard Zerktouni, Maârif', ar: 'شارع الزرقطوني، المعاريف' },
      kind_label: { fr: 'Voie', ar: 'طريق', en: 'Street' },
      subtype: { value: 'primary', label: { fr: 'Boulevard principal', ar: 'شارع رئيسي', en: 'Primary road' } },
      area: { id: 3, code: '06.141.01.03', name: { fr: 'Maârif', ar: 'المعاريف' } },
      score: 0.9856,
      lon: -7.632952,
      lat: 33.587788,
      bbox: [-7.644, 33.577, -7.6195, 33.601],
      segment_ids: [91, 92, 93],
      length_m: 3523,
    });
  });

  it('names a permit by its reference in both languages, with its kind, and nothing personal', () => {
    const result = toSearchResult(registry, row({
      layer: 'permits', id: 595, kind: 'permit', name_fr: null, name_ar: null, code: 'PD-2026-00048', subtype: 'demolition',
      details: {}, bbox: null, distance_m: 1234.5678,
    }));
    expect(result.name).toEqual({ fr: 'PD-2026-00048', ar: 'PD-2026-00048' });
    expect(result.label).toEqual({ fr: 'PD-2026-00048, Maârif', ar: 'PD-2026-00048، المعاريف' });
    expect(result.subtype?.label.fr).toBe('Démolition');
    expect(result.code).toBe('PD-2026-00048');
    expect(result.distance_m).toBe(1234.6);
    expect(result).not.toHaveProperty('bbox');
    expect(result).not.toHaveProperty('segment_ids');
    expect(Object.keys(result)).not.toContain('applicant_name');
  });

  it('falls back to the French name for an establishment without an Arabic one, and omits an unknown area', () => {
    const result = toSearchResult(registry, row({
      layer: 'establishments', kind: 'establishment', name_fr: 'Café Al Amal', name_ar: null, subtype: 'cafe', details: {},
      bbox: null, area_id: null, area_code: null, area_name_fr: null, area_name_ar: null,
    }));
    expect(result.name).toEqual({ fr: 'Café Al Amal', ar: null });
    expect(result.label).toEqual({ fr: 'Café Al Amal', ar: 'Café Al Amal' });
    expect(result).not.toHaveProperty('area');
    expect(result.subtype?.label.ar).toBe('مقهى');
  });

  it('carries the lines of a stop and the colour of a line', () => {
    const stop = toSearchResult(registry, row({ layer: 'transit_stops', kind: 'transit_stop', code: 'T2-28', subtype: 'tram', details: { line_codes: ['T2'] }, bbox: null }));
    expect(stop.line_codes).toEqual(['T2']);
    expect(stop.code).toBe('T2-28');
    expect(stop.subtype?.value).toBe('tram');
    const line = toSearchResult(registry, row({ layer: 'transit_routes', kind: 'transit_route', code: 'T1', subtype: 'tram', details: { colour: '#e2001a' } }));
    expect(line.colour).toBe('#e2001a');
  });

  it('leaves out a subtype the registry does not know', () => {
    expect(toSearchResult(registry, row({ subtype: 'bridle_path' })).subtype).toBeNull();
  });
});
