import { describe, expect, it } from 'vitest';
import { LAYERS, LayerRegistry } from './registry.ts';

const registry = new LayerRegistry();

describe('layer registry', () => {
  it('holds every layer family of DESIGN.md', () => {
    expect(registry.ids).toEqual([
      'admin_areas', 'road_segments', 'permits', 'establishments', 'inspections', 'transit_routes', 'transit_stops',
    ]);
    expect(new Set(LAYERS.map((layer) => layer.family))).toEqual(
      new Set(['reference', 'street_heritage', 'authorisations', 'hygiene', 'mobility']),
    );
  });

  it('gives each theme its own palette: no colour means two things in two families', () => {
    const families = new Map<string, string>();
    for (const layer of LAYERS) {
      for (const color of Object.values(layer.style.colorByValue ?? {})) {
        const family = families.get(color.toLowerCase());
        expect(family === undefined || family === layer.family, `${color} is used by ${family} and ${layer.family}`).toBe(true);
        families.set(color.toLowerCase(), layer.family);
      }
    }
  });

  it('rejects duplicate ids', () => {
    expect(() => new LayerRegistry([LAYERS[0]!, LAYERS[0]!])).toThrow(/duplicate/);
  });

  describe.each(LAYERS.map((layer) => [layer.id, layer] as const))('%s', (_id, layer) => {
    it('is declared consistently', () => {
      expect(layer.id).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const text of [layer.title, layer.description]) {
        expect(text.fr && text.ar && text.en).toBeTruthy();
        expect(text.ar).toMatch(/[\u0600-\u06FF]/);
      }
      expect(layer.tiles.minzoom).toBeGreaterThanOrEqual(0);
      expect(layer.tiles.maxzoom).toBeLessThanOrEqual(22);
      expect(layer.tiles.minzoom).toBeLessThanOrEqual(layer.tiles.maxzoom);
      expect(layer.access.read).toContain('admin');
    });

    it('labels every property in three languages and lists enum values', () => {
      for (const [name, property] of Object.entries(layer.properties)) {
        expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(property.label.ar, `${layer.id}.${name}`).toMatch(/[\u0600-\u06FF]/);
        expect(property.label.fr && property.label.en).toBeTruthy();
        if (property.type === 'enum') expect(Object.keys(property.values ?? {}).length).toBeGreaterThan(0);
      }
    });

    it('styles only by declared properties and values', () => {
      const { colorProperty, colorByValue, labelZooms } = layer.style;
      if (!colorProperty) return expect(labelZooms).toBeUndefined();
      const property = layer.properties[colorProperty];
      expect(property?.inTiles).toBe(true);
      for (const value of Object.keys(colorByValue ?? {})) expect(Object.keys(property?.values ?? {})).toContain(value);
      for (const [value, zooms] of Object.entries(labelZooms ?? {})) {
        expect(Object.keys(property?.values ?? {})).toContain(value);
        expect(zooms.min ?? 0).toBeLessThan(zooms.max ?? 24);
      }
    });

    it('points its primary date and name properties at declared properties of the right type', () => {
      if (layer.primaryDateProperty) expect(layer.properties[layer.primaryDateProperty]?.type).toBe('date');
      if (layer.nameProperties) {
        expect(layer.properties[layer.nameProperties.fr]?.type).toBe('string');
        expect(layer.properties[layer.nameProperties.ar]?.type).toBe('string');
      }
      if (layer.geometry.nearMissMetres) expect(layer.geometry.types).toContain('LineString');
    });

    it('refers only to layers of the registry, by integer ids', () => {
      for (const [name, property] of Object.entries(layer.properties)) {
        if (!property.references) continue;
        expect(registry.find(property.references), `${layer.id}.${name} refers to ${property.references}`).toBeDefined();
        expect(property.type, `${layer.id}.${name}`).toBe('integer');
      }
    });

    it('names only existing roles and keeps area scoping to roles that read the layer', () => {
      for (const role of layer.access.areaScoped) expect(layer.access.read).toContain(role);
      for (const role of layer.access.personal) expect(layer.access.read).toContain(role);
    });
  });

  it('marks the applicant of a permit and the inspector of an inspection as personal', () => {
    expect(registry.find('permits')!.properties.applicant_name!.personal).toBe(true);
    expect(registry.find('inspections')!.properties.inspector_name!.personal).toBe(true);
  });
});
