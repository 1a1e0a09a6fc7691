import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { describeImportTarget } from './describe-import-target.ts';

const registry = new LayerRegistry();
const layer = (id: string) => registry.find(id)!;

describe('describeImportTarget', () => {
  it('says, before any import, that an arrondissement needs its préfecture and how an import gives it', () => {
    const text = describeImportTarget(layer('admin_areas'), 'en');
    expect(text).toContain('Layer admin_areas (Administrative areas), geometry MultiPolygon');
    expect(text).toMatch(/^ {2}level +Level: enum, required, values prefecture, arrondissement, commune$/m);
    expect(text).toMatch(/^ {2}parent_id +Parent area: integer, id of a feature of admin_areas, ≥ 1$/m);
    expect(text).toContain('  - Prefecture (prefecture): no parent (parent_id empty)');
    expect(text).toContain('  - District (arrondissement): belongs to Prefecture (prefecture) through parent_id (--parent <attribute>[:n]=code; --derive-parents prefecture makes missing parents)');
  });

  it('lists the properties whose absence means unknown, and the row rules, in French and Arabic', () => {
    const roads = describeImportTarget(layer('road_segments'), 'fr');
    expect(roads).toMatch(/^ {2}condition +État : enum, valeurs good, fair, poor, critical, vide = inconnu$/m);
    expect(roads).not.toContain('Règles');
    const permits = describeImportTarget(layer('permits'), 'ar');
    expect(permits).toContain('  - لا يمكن أن يسبق القرار الإيداع (decided_on, submitted_on)');
    expect(permits).not.toMatch(/^ {2}id /m);
  });
});
