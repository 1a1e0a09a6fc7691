import { describe, expect, it } from 'vitest';
import { LayerRegistry } from './registry.ts';
import { checkedValues, findWiringMismatches, type LayerWiring } from './wiring-check.ts';

const registry = new LayerRegistry();
const tileTriggers = (table: string) => ['insert', 'update', 'delete', 'truncate'].map((event) => ({ table, name: `${table}_tiles_${event}` }));
const searchTriggers = (table: string) => ['search_insert', 'search_update', 'search_delete', 'search_truncate'].map((name) => ({ table, name }));

/** The constraints behind the registry's row rules (their definitions do not matter to the check). */
const ROW_RULE_CHECKS = [
  ['admin_areas', 'admin_areas_check'], ['permits', 'permits_check'], ['permits', 'permits_check1'], ['permits', 'permits_check2'], ['inspections', 'inspections_check'],
].map(([table, name]) => ({ table: table!, name: name!, definition: 'CHECK (true)' }));

/** The wiring that migrations 0001-0012 leave, as db/queries/layer-wiring.sql reads it. */
function migratedWiring(): LayerWiring {
  const source = (layer: string, kind: string, code: string | null, subtype: string, names = true, details: Record<string, string> = {}) => ({
    layer, kind, name_fr_column: names ? 'name_fr' : null, name_ar_column: names ? 'name_ar' : null, code_column: code, subtype_column: subtype, detail_columns: details,
  });
  return {
    searchSources: [
      source('admin_areas', 'admin_area', 'code', 'level'),
      source('establishments', 'establishment', null, 'category'),
      source('permits', 'permit', 'reference', 'kind', false),
      source('transit_routes', 'transit_route', 'line_code', 'mode', true, { colour: 'colour' }),
      source('transit_stops', 'transit_stop', 'code', 'mode', true, { line_codes: 'line_codes' }),
    ],
    pointRules: [
      { layer: 'inspections', zoom: 12, cellUnits: 64 }, { layer: 'inspections', zoom: 13, cellUnits: 32 },
      { layer: 'permits', zoom: 11, cellUnits: 64 }, { layer: 'permits', zoom: 12, cellUnits: 64 }, { layer: 'permits', zoom: 13, cellUnits: 64 },
    ],
    lineZooms: { minzoom: 10, maxzoom: 13 },
    triggers: [
      ...['admin_areas', 'road_segments', 'permits', 'establishments', 'transit_routes', 'transit_stops'].flatMap(searchTriggers),
      ...['road_segments', 'permits', 'inspections'].flatMap(tileTriggers),
    ],
    checks: [
      { table: 'permits', name: 'permits_status_check', definition: "CHECK ((status = ANY (ARRAY['submitted'::text, 'under_review'::text, 'approved'::text, 'rejected'::text, 'expired'::text, 'revoked'::text])))" },
      ...ROW_RULE_CHECKS,
    ],
  };
}

describe('findWiringMismatches', () => {
  it('accepts the wiring the migrations leave', () => {
    expect(findWiringMismatches(registry, migratedWiring())).toEqual([]);
  });

  it('names the layer and the column of a search source that differs, and a missing trigger', () => {
    const wiring = migratedWiring();
    wiring.searchSources = wiring.searchSources.map((source) => (source.layer === 'permits' ? { ...source, code_column: 'applicant_name' } : source));
    wiring.triggers = wiring.triggers.filter((trigger) => !(trigger.table === 'transit_stops' && trigger.name === 'search_update'));
    expect(findWiringMismatches(registry, wiring)).toEqual([
      'layer permits: search code_column is applicant_name in the database, reference in the registry',
      "layer transit_stops: search trigger search_update is missing (SELECT search_layer_attach('transit_stops'))",
    ]);
  });

  it('reports generalisation rules that differ from the registry and rows for layers it does not generalise', () => {
    const wiring = migratedWiring();
    wiring.pointRules = [...wiring.pointRules.filter((rule) => rule.zoom !== 13 || rule.layer !== 'permits'), { layer: 'establishments', zoom: 13, cellUnits: 64 }];
    wiring.lineZooms = { minzoom: 10, maxzoom: 12 };
    expect(findWiringMismatches(registry, wiring)).toEqual([
      'layer road_segments: generalised line zooms are 10-12 in tile_road_rules, 10-13 in the registry',
      'layer permits: generalised point cells are {"11":64,"12":64} in tile_point_rules, {"11":64,"12":64,"13":64} in the registry',
      'layer establishments: tile_point_rules has rows for it, but the registry declares no point generalisation',
    ]);
  });

  it('compares the CHECK list of an enum column with the registry values, both ways', () => {
    const wiring = migratedWiring();
    wiring.checks = [{ table: 'permits', name: 'permits_status_check', definition: "CHECK ((status = ANY (ARRAY['submitted'::text, 'approved'::text, 'withdrawn'::text])))" }, ...ROW_RULE_CHECKS];
    expect(findWiringMismatches(registry, wiring)).toEqual([
      'layer permits: column permits.status (property status) refuses under_review, rejected, expired, revoked, which the registry allows',
      'layer permits: column permits.status (property status) allows withdrawn, which the registry does not list',
    ]);
  });

  it('names a row rule whose constraint is missing', () => {
    const wiring = migratedWiring();
    wiring.checks = wiring.checks.filter((check) => check.name !== 'admin_areas_check');
    expect(findWiringMismatches(registry, wiring)).toEqual(['layer admin_areas: row rule constraint admin_areas_check does not exist on admin_areas']);
  });
});

describe('checkedValues', () => {
  it('reads the values of a column IN (...) constraint as PostgreSQL prints it', () => {
    expect(checkedValues("CHECK ((mode = ANY (ARRAY['tram'::text, 'it''s'::text])))", 'mode')).toEqual(['tram', "it's"]);
    expect(checkedValues("CHECK ((length(name_fr) >= 1))", 'name_fr')).toBeUndefined();
    expect(checkedValues("CHECK (((status = ANY (ARRAY['submitted'::text])) = (decided_on IS NULL)))", 'status')).toBeUndefined();
  });
});
