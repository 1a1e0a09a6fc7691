import { describe, expect, it } from 'vitest';
import { type ApiKeyPrincipal, PUBLIC_PRINCIPAL, type UserPrincipal } from '../auth/principal.ts';
import { AppError } from '../http/errors.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { resolveSearchScope, searchableLayerIds } from './search-layers.ts';

const registry = new LayerRegistry();

function user(role: UserPrincipal['role'], areaIds: number[] = []): UserPrincipal {
  return { kind: 'user', role, userId: 1, username: role, sessionId: 1, areaIds };
}

function apiKey(scopes: string[]): ApiKeyPrincipal {
  return { kind: 'api_key', role: null, keyId: 1, prefix: 'abcd1234', module: 'crm', scopes: new Set(scopes) };
}

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('searchable layers', () => {
  it('are the registry layers that declare a search, heaviest first', () => {
    expect(registry.searchable.map((layer) => layer.id)).toEqual(['admin_areas', 'permits', 'road_segments', 'transit_routes', 'transit_stops', 'establishments']);
    expect(registry.find('inspections')!.search).toBeUndefined();
  });
});

describe('resolveSearchScope', () => {
  it('gives the public every searchable layer it may read, unconfined', () => {
    const scope = resolveSearchScope(registry, PUBLIC_PRINCIPAL, undefined);
    const expected = registry.searchable.filter((layer) => layer.access.read.includes('public'));
    expect(scope.layers.map((layer) => layer.layerId)).toEqual(expected.map((layer) => layer.id));
    expect(scope.layers.every((layer) => !layer.isAreaScoped)).toBe(true);
    expect(scope.areaIds).toBeNull();
  });

  it('confines an inspector assigned to areas on the area-scoped layers only', () => {
    const scope = resolveSearchScope(registry, user('inspector', [14]), undefined);
    const scoped = scope.layers.filter((layer) => layer.isAreaScoped).map((layer) => layer.layerId);
    const expected = registry.searchable.filter((layer) => layer.access.areaScoped.includes('inspector')).map((layer) => layer.id);
    expect(scoped).toEqual(expected);
    expect(scoped).toContain('permits');
    expect(scope.areaIds).toEqual([14]);
    expect(resolveSearchScope(registry, user('inspector'), undefined).areaIds).toBeNull();
  });

  it('gives an API key exactly the layers its scopes allow', () => {
    const key = apiKey(['search', 'transit_stops:read', 'permits:write']);
    expect(searchableLayerIds(registry, key)).toEqual(['permits', 'transit_stops']);
    expect(resolveSearchScope(registry, key, ['transit_stops']).layers.map((layer) => layer.layerId)).toEqual(['transit_stops']);
  });

  it('rejects unknown and unsearchable layer names with a 400 listing what the caller may search', () => {
    for (const name of ['rivers', 'inspections']) {
      const error = thrown(() => resolveSearchScope(registry, PUBLIC_PRINCIPAL, ['road_segments', name]));
      expect(error.status).toBe(400);
      expect(error.type).toBe('unknown-layer');
      expect(error.detail).toContain(name);
      expect(error.extras.allowed).toEqual(searchableLayerIds(registry, PUBLIC_PRINCIPAL));
    }
  });

  it('denies a named layer the caller may not read: 401 without credentials, 403 with them', () => {
    // The registry's searchable layers are all public, so the public case uses a registry where permits are
    // staff-only.
    const staffPermits = new LayerRegistry(registry.layers.map((layer) =>
      layer.id === 'permits' ? { ...layer, access: { ...layer.access, read: ['inspector', 'admin'] as const } } : layer));
    expect(thrown(() => resolveSearchScope(staffPermits, PUBLIC_PRINCIPAL, ['permits'])).status).toBe(401);
    expect(thrown(() => resolveSearchScope(staffPermits, user('planner'), ['permits'])).status).toBe(403);
    expect(resolveSearchScope(staffPermits, user('inspector'), ['permits']).layers.map((layer) => layer.layerId)).toEqual(['permits']);
    const key = apiKey(['search', 'transit_stops:read']);
    expect(thrown(() => resolveSearchScope(registry, key, ['permits'])).status).toBe(403);
  });
});
