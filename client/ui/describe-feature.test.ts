import { describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { buildLayerCatalog } from '../../server/routes/layer-catalog.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { groupLayersByFamily, type LayerCatalogEntry } from '../api/layer-catalog.ts';
import { describeFeature } from './describe-feature.ts';

const catalog = buildLayerCatalog(new LayerRegistry(), PUBLIC_PRINCIPAL);

function layer(id: string): LayerCatalogEntry {
  const found = catalog.layers.find((entry) => entry.id === id);
  if (!found) throw new Error(`no layer ${id} in the public catalog`);
  return found;
}

describe('describeFeature', () => {
  const road = { name_fr: 'Boulevard Zerktouni', name_ar: 'شارع الزرقطوني', condition: 'poor', is_one_way: true, road_class: 'primary' };

  it('titles a feature with its name in the language, else the other language', () => {
    expect(describeFeature(layer('road_segments'), road, 7, 'fr').title).toBe('Boulevard Zerktouni');
    expect(describeFeature(layer('road_segments'), road, 7, 'ar').title).toBe('شارع الزرقطوني');
    expect(describeFeature(layer('road_segments'), { name_fr: 'Rue Tata' }, 7, 'ar').title).toBe('Rue Tata');
  });

  it('titles an unnamed feature with its first required text, else its layer and date, else the layer and its number', () => {
    expect(describeFeature(layer('permits'), { reference: 'PC-2024-0001', status: 'approved' }, 3, 'fr').title).toBe('PC-2024-0001');
    expect(describeFeature(layer('road_segments'), { condition: 'good' }, 42, 'fr').title).toBe('Patrimoine voirie n° 42');
  });

  it('never titles an inspection with its inspector’s name or its notes, but with its date', () => {
    const staff = buildLayerCatalog(new LayerRegistry(), { kind: 'user', role: 'inspector', userId: 1, username: 'i', sessionId: 1, areaIds: [] });
    const inspections = staff.layers.find((entry) => entry.id === 'inspections')!;
    const inspection = { inspector_name: 'Yassine Berrada', notes: 'RAS.', inspected_on: '2026-08-31', score: 76 };
    expect(describeFeature(inspections, inspection, 5, 'fr').title).toBe('Inspections d’hygiène · 31 août 2026');
    expect(describeFeature(inspections, inspection, 5, 'ar').title).toMatch(/^عمليات المراقبة الصحية · /);
  });

  it('lists the present properties in catalog order, labelled and formatted in the language', () => {
    const description = describeFeature(layer('road_segments'), road, 7, 'fr');
    const names = description.rows.map((row) => row.name);
    const catalogOrder = layer('road_segments').properties.map((property) => property.name).filter((name) => names.includes(name));
    expect(names).toEqual(catalogOrder);
    expect(description.layerTitle).toBe('Patrimoine voirie');
    expect(description.rows.find((row) => row.name === 'condition')).toMatchObject({ label: 'État', value: { text: 'Dégradé' } });
    expect(description.rows.find((row) => row.name === 'is_one_way')).toMatchObject({ label: 'Sens unique', value: { text: 'Oui' } });
    const arabic = describeFeature(layer('road_segments'), road, 7, 'ar');
    expect(arabic.rows.find((row) => row.name === 'condition')).toMatchObject({ label: 'الحالة', value: { text: 'متدهورة' } });
    expect(arabic.rows.find((row) => row.name === 'is_one_way')?.value.text).toBe('نعم');
  });

  it('leaves out properties the feature does not carry, but says unknown for those whose absence means it', () => {
    // Tiles leave null values out: condition and one-way (in tiles) are unknown; surface (not in tiles) is not known yet.
    const rows = describeFeature(layer('road_segments'), { name_fr: 'Rue Tata' }, 1, 'fr').rows;
    expect(rows.map((row) => [row.name, row.value.text])).toEqual([['name_fr', 'Rue Tata'], ['condition', 'Inconnu'], ['is_one_way', 'Inconnu']]);
    const whole = describeFeature(layer('road_segments'), { name_fr: 'Rue Tata', surface: null, lanes: 2 }, 1, 'fr').rows;
    expect(whole.map((row) => row.name)).toEqual(['name_fr', 'surface', 'condition', 'lanes', 'is_one_way']);
  });
});

describe('groupLayersByFamily', () => {
  it('groups layers by family in the panel order, keeping drawing order inside a family', () => {
    const groups = groupLayersByFamily(catalog.layers);
    expect(groups.map((group) => group.family)).toEqual(['reference', 'street_heritage', 'authorisations', 'hygiene', 'mobility']);
    expect(groups.find((group) => group.family === 'mobility')?.layers.map((entry) => entry.id)).toEqual(['transit_routes', 'transit_stops']);
    expect(groups.flatMap((group) => group.layers)).toHaveLength(catalog.layers.length);
  });

  it('keeps a family it does not know, after the known ones, and drops empty families', () => {
    const unknown = { ...layer('permits'), id: 'noise', family: 'environment' as LayerCatalogEntry['family'] };
    const groups = groupLayersByFamily([layer('road_segments'), unknown]);
    expect(groups.map((group) => group.family)).toEqual(['street_heritage', 'environment']);
  });
});
