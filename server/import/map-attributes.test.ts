import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { mapProperties, planAttributes } from './map-attributes.ts';

const roads = new LayerRegistry().find('road_segments')!;

describe('planAttributes', () => {
  it('maps attributes to properties of the same name, ignoring case', () => {
    const { plan, issues } = planAttributes(['Name_FR', 'ROAD_CLASS', 'width_m'], roads, {});
    expect(issues).toEqual([]);
    expect([...plan.targets]).toEqual([['Name_FR', 'name_fr'], ['ROAD_CLASS', 'road_class'], ['width_m', 'width_m']]);
  });

  it('refuses unknown attributes once, listing them and the layer properties', () => {
    const { issues } = planAttributes(['fclass', 'name', 'road_class', 'x"; DROP TABLE t; --'], roads, {});
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown-attribute', pointer: '/properties' });
    expect(issues[0]!.featureIndex).toBeUndefined();
    expect(issues[0]!.message.en).toContain('Attributes matching no property: fclass, name, x"; DROP TABLE t; --.');
    expect(issues[0]!.message.en).toContain('Layer properties: name_fr, name_ar, road_class');
  });

  it('leaves unknown and read-only attributes out with isUnknownIgnored', () => {
    const { plan, issues } = planAttributes(['fclass', 'road_class', 'created_at'], roads, { isUnknownIgnored: true });
    expect(issues).toEqual([]);
    expect(plan.ignored).toEqual(['fclass', 'created_at']);
    expect([...plan.targets.values()]).toEqual(['road_class']);
  });

  it('refuses read-only attributes (an export of our own layer) without isUnknownIgnored', () => {
    const { issues } = planAttributes(['road_class', 'updated_at'], roads, {});
    expect(issues.map((issue) => issue.code)).toEqual(['read-only-attribute']);
  });

  it('follows an explicit map, including a drop with an empty target', () => {
    const { plan, issues } = planAttributes(['fclass', 'name', 'osm_id'], roads, { attributeMap: { FCLASS: 'road_class', name: 'NAME_FR', osm_id: '' } });
    expect(issues).toEqual([]);
    expect([...plan.targets]).toEqual([['fclass', 'road_class'], ['name', 'name_fr']]);
    expect(plan.ignored).toEqual(['osm_id']);
  });

  it('refuses a map from a missing attribute or to a missing or read-only property', () => {
    const { issues } = planAttributes(['fclass', 'name'], roads, { attributeMap: { typo: 'road_class', fclass: 'colour', name: 'updated_at' } });
    expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['unknown-map-source', '/properties/typo'],
      ['unknown-map-target', '/properties/colour'],
      ['unknown-map-target', '/properties/updated_at'],
    ]);
    expect(issues[0]!.message.en).toContain('(attributes: fclass, name)');
  });

  it('refuses two sources for one property, constants included', () => {
    const { issues } = planAttributes(['name_fr', 'NAME_FR', 'road_class'], roads, { constants: { road_class: 'primary' } });
    expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['duplicate-target', '/properties/name_fr'],
      ['duplicate-target', '/properties/road_class'],
    ]);
    expect(issues[1]!.message.en).toContain('(road_class, --set road_class)');
  });

  it('refuses constants and value maps for unknown properties', () => {
    const { issues } = planAttributes([], roads, { constants: { colour: 'red' }, valueMaps: { speed: { a: 'b' } } });
    expect(issues.map((issue) => issue.code)).toEqual(['unknown-map-target', 'unknown-map-target']);
  });
});

describe('mapProperties', () => {
  it('renames, replaces listed values, converts types, leaves blanks out, adds constants', () => {
    const { plan } = planAttributes(['fclass', 'name', 'oneway', 'width'], roads, {
      attributeMap: { fclass: 'road_class', name: 'name_fr', oneway: 'is_one_way', width: 'width_m' },
      constants: { surface: 'asphalt', is_lit: 'oui' },
      valueMaps: { road_class: { living_street: 'residential' }, is_one_way: { B: 'false', F: 'true' } },
    });
    const mapped = mapProperties({ fclass: 'living_street', name: '', oneway: 'F', width: '7,5' }, roads, plan);
    expect(mapped).toEqual({
      properties: { road_class: 'residential', is_one_way: true, width_m: 7.5, surface: 'asphalt', is_lit: true },
      origins: { road_class: 'fclass', name_fr: 'name', is_one_way: 'oneway', width_m: 'width' },
      sources: { road_class: 'living_street', name_fr: '', is_one_way: 'F', width_m: '7,5' },
    });
    expect(mapProperties({ fclass: 'tertiary', oneway: 'B' }, roads, plan).properties).toMatchObject({ road_class: 'tertiary', is_one_way: false });
  });

  it('splits a name in two scripts into two properties', () => {
    const { plan, issues } = planAttributes(['name', 'fclass'], roads, { attributeMap: { fclass: 'road_class' }, splitByScript: { name: ['name_fr', 'name_ar'] } });
    expect(issues).toEqual([]);
    expect(mapProperties({ name: 'Boulevard du Golan شارع الجولان', fclass: 'primary' }, roads, plan).properties).toEqual({ name_fr: 'Boulevard du Golan', name_ar: 'شارع الجولان', road_class: 'primary' });
    expect(mapProperties({ name: 'طريق مديونة', fclass: 'primary' }, roads, plan).properties).toEqual({ name_ar: 'طريق مديونة', road_class: 'primary' });
    expect(mapProperties({ name: null, fclass: 'primary' }, roads, plan).sources).toEqual({ road_class: 'primary', name_fr: null, name_ar: null });
  });

  it('takes attributes used by options (key, parent, filter, split) as used, never unknown', () => {
    const { plan, issues } = planAttributes(['osm_id', 'name', 'road_class'], roads, { key: 'osm_id', splitByScript: { name: ['name_fr', 'name_ar'] } });
    expect(issues).toEqual([]);
    expect(plan.ignored).toEqual([]);
    expect(planAttributes(['road_class'], roads, { key: 'osm_id' }).issues.map((issue) => [issue.code, issue.pointer])).toEqual([['unknown-map-source', '/properties/osm_id']]);
  });

  it('keeps an unconvertible value for the validator to report', () => {
    const { plan } = planAttributes(['lanes'], roads, {});
    expect(mapProperties({ lanes: 'deux' }, roads, plan).properties).toEqual({ lanes: 'deux' });
  });
});
