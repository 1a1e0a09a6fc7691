import { areaRestriction, denial, isAllowed } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { BadRequestError } from '../http/errors.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { SearchLayerPlan } from './search-query.ts';

/** The layers one search covers, as the policy allows them, and the areas the caller is confined to. */
export interface SearchScope {
  layers: SearchLayerPlan[];
  areaIds: readonly number[] | null;
}

/** Searchable layers of the registry that the principal may read, in the registry's search order. */
export function searchableLayerIds(registry: LayerRegistry, principal: Principal): string[] {
  return registry.searchable.filter((layer) => isAllowed(principal, layer, 'read')).map((layer) => layer.id);
}

/**
 * What a search may look at: the requested layers (all searchable ones when none are named) that the
 * principal may read. An unknown or unsearchable name is a 400 listing what the caller may search; naming
 * a layer the caller may not read is a denial (401/403), as on every other channel.
 */
export function resolveSearchScope(registry: LayerRegistry, principal: Principal, requested: readonly string[] | undefined): SearchScope {
  const allowed = searchableLayerIds(registry, principal);
  if (requested !== undefined) {
    const unknown = requested.filter((id) => !registry.searchable.some((layer) => layer.id === id));
    if (unknown.length > 0) {
      throw new BadRequestError('unknown-layer', `layers: unknown or unsearchable layer(s) ${unknown.map((id) => `"${id.slice(0, 64)}"`).join(', ')}`, {
        allowed,
      });
    }
    const denied = requested.find((id) => !allowed.includes(id));
    if (denied !== undefined) throw denial(principal, `Not allowed to read layer ${denied}`);
  }
  const wanted = new Set(requested ?? allowed);
  let areaIds: readonly number[] | null = null;
  const layers = registry.searchable.filter((layer) => wanted.has(layer.id) && allowed.includes(layer.id)).map((layer) => {
    const restriction = areaRestriction(principal, layer);
    if (restriction) areaIds = restriction;
    const search = layer.search!;
    return {
      layerId: layer.id,
      weight: search.weight,
      isAreaScoped: restriction !== null,
      ...(search.importance ? { importance: search.importance } : {}),
      ...(search.subtypeImportance ? { subtypeImportance: search.subtypeImportance } : {}),
      ...(search.isGroupedIntoStreets ? { isRankedByLength: true } : {}),
    };
  });
  return { layers, areaIds };
}
