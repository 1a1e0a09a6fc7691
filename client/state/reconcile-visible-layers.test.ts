import { describe, expect, it } from 'vitest';
import { buildLayerCatalog } from '../../server/routes/layer-catalog.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { PUBLIC_PRINCIPAL, type UserPrincipal } from '../../server/auth/principal.ts';
import { defaultVisibleLayerIds, reconcileVisibleLayers } from './reconcile-visible-layers.ts';

// The real catalogs of the public and of an inspector, so the test follows the registry.
const registry = new LayerRegistry();
const inspector: UserPrincipal = { kind: 'user', userId: 1, sessionId: 1, username: 'inspector', role: 'inspector', areaIds: [] };
const publicCatalog = buildLayerCatalog(registry, PUBLIC_PRINCIPAL);
const staffCatalog = buildLayerCatalog(registry, inspector);

describe('reconcileVisibleLayers', () => {
  it('keeps the user’s choices, gives new layers their default, and drops layers that are gone', () => {
    expect(staffCatalog.layers.some((layer) => layer.id === 'inspections')).toBe(true);
    expect(publicCatalog.layers.some((layer) => layer.id === 'inspections')).toBe(false);
    const chosen = new Set(defaultVisibleLayerIds(publicCatalog));
    chosen.delete('road_segments');

    const signedIn = reconcileVisibleLayers(chosen, publicCatalog, staffCatalog);
    expect(signedIn.has('road_segments')).toBe(false);
    expect(signedIn.has('permits')).toBe(true);
    const inspections = staffCatalog.layers.find((layer) => layer.id === 'inspections');
    expect(signedIn.has('inspections')).toBe(inspections?.isVisibleByDefault);

    signedIn.add('inspections');
    const signedOut = reconcileVisibleLayers(signedIn, staffCatalog, publicCatalog);
    expect(signedOut.has('inspections')).toBe(false);
    expect(signedOut.has('road_segments')).toBe(false);
    expect([...signedOut].every((id) => publicCatalog.layers.some((layer) => layer.id === id))).toBe(true);
  });
});
