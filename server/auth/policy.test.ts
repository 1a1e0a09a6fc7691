import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { areaRestriction, canUseEndpoint, isAllowed, layerView, readableLayers, seesPersonalData } from './policy.ts';
import { type ApiKeyPrincipal, PUBLIC_PRINCIPAL, type UserPrincipal } from './principal.ts';

const registry = new LayerRegistry();
const layer = (id: string) => registry.find(id)!;
const user = (role: UserPrincipal['role'], areaIds: number[] = []): UserPrincipal => ({
  kind: 'user', role, userId: 1, username: role, sessionId: 1, areaIds,
});
const key = (...scopes: string[]): ApiKeyPrincipal => ({ kind: 'api_key', role: null, keyId: 1, prefix: 'abcd1234', module: 'tax', scopes: new Set(scopes) });

describe('the policy table', () => {
  it('lets the public read mobility, admin areas, streets, permits and establishments, and nothing else', () => {
    expect(readableLayers(registry, PUBLIC_PRINCIPAL).map((readable) => readable.id)).toEqual([
      'admin_areas', 'road_segments', 'permits', 'establishments', 'transit_routes', 'transit_stops',
    ]);
    for (const readable of registry.layers) {
      expect(isAllowed(PUBLIC_PRINCIPAL, readable, 'create')).toBe(false);
      expect(seesPersonalData(PUBLIC_PRINCIPAL, readable)).toBe(false);
    }
  });

  it('lets planners edit road segments and nothing else', () => {
    const editable = registry.layers.filter((candidate) => isAllowed(user('planner'), candidate, 'update')).map((candidate) => candidate.id);
    expect(editable).toEqual(['road_segments']);
    expect(seesPersonalData(user('planner'), layer('permits'))).toBe(false);
  });

  it('lets inspectors read permits with the applicant and record inspections, confined to their areas', () => {
    const inspector = user('inspector', [5]);
    expect(seesPersonalData(inspector, layer('permits'))).toBe(true);
    expect(isAllowed(inspector, layer('inspections'), 'create')).toBe(true);
    expect(isAllowed(inspector, layer('inspections'), 'delete')).toBe(false);
    expect(isAllowed(inspector, layer('road_segments'), 'update')).toBe(false);
    expect(areaRestriction(inspector, layer('permits'))).toEqual([5]);
    expect(areaRestriction(inspector, layer('road_segments'))).toBeNull();
    expect(areaRestriction(user('inspector'), layer('permits'))).toBeNull();
  });

  it('lets admins do everything without area limits', () => {
    for (const candidate of registry.layers) {
      for (const operation of ['read', 'create', 'update', 'delete'] as const) expect(isAllowed(user('admin', [1]), candidate, operation)).toBe(true);
      expect(areaRestriction(user('admin', [1]), candidate)).toBeNull();
    }
  });

  it('gives API keys exactly their scopes', () => {
    const reader = key('permits:read', 'query:locate');
    expect(isAllowed(reader, layer('permits'), 'read')).toBe(true);
    expect(isAllowed(reader, layer('permits'), 'update')).toBe(false);
    expect(isAllowed(reader, layer('road_segments'), 'read')).toBe(false);
    expect(seesPersonalData(reader, layer('permits'))).toBe(false);
    expect(canUseEndpoint(reader, 'query:locate')).toBe(true);
    expect(canUseEndpoint(reader, 'search')).toBe(false);
    const writer = key('road_segments:write', 'permits:personal');
    expect(isAllowed(writer, layer('road_segments'), 'delete')).toBe(true);
    expect(seesPersonalData(writer, layer('permits'))).toBe(false); // personal without read gives nothing
  });
});

describe('layerView', () => {
  it('puts public and staff views of a layer in different visibility classes', () => {
    const permits = layer('permits');
    const classes = new Set([
      layerView(PUBLIC_PRINCIPAL, permits, registry).visibilityClass,
      layerView(user('planner'), permits, registry).visibilityClass,
      layerView(user('inspector'), permits, registry).visibilityClass,
      layerView(user('inspector', [2, 1]), permits, registry).visibilityClass,
    ]);
    expect(classes.size).toBe(4);
    expect(layerView(user('inspector', [2, 1]), permits, registry).visibilityClass).toBe(layerView(user('inspector', [1, 2]), permits, registry).visibilityClass);
  });

  it('drops personal properties for those who may not see them', () => {
    const names = (view: ReturnType<typeof layerView>) => view.properties.map(([name]) => name);
    expect(names(layerView(PUBLIC_PRINCIPAL, layer('permits'), registry))).not.toContain('applicant_name');
    expect(names(layerView(user('inspector'), layer('permits'), registry))).toContain('applicant_name');
  });
});
