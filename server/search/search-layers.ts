import { areaRestriction, denial, isAllowed } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { BadRequestError } from '../http/errors.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { SearchLayerPlan } from './search-query.ts';
import { SEARCH_SOURCES } from './search-sources.ts';

/** The layers one search covers, as the policy allows them, and the areas the caller is confined to. */
export interface SearchScope {
  layers: SearchLayerPlan[];
  areaIds: readonly number[] | null;
}

/** Searchable layers of the registry that the principal may read, in SEARCH_SOURCES order. */
export function searchableLayerIds(registry: LayerRegistry, principal: Principal): string[] {
  return SEARCH_SOURCES.filter((source) => {
    const layer = registry.find(source.layerId);
    return layer !== undefined && isAllowed(principal, layer, 'read');
  }).map((source) => source.layerId);
}

/**
 * What a search may look at: the requested layers (all searchable ones when none are named) that the
 * principal may read. An unknown or unsearchable name is a 400 listing what the caller may search; naming
 * a layer the caller may not read is a denial (401/403), as on every other channel.
 */
export function resolveSearchScope(registry: LayerRegistry, principal: Principal, requested: readonly string[] | undefined): SearchScope {
  const allowed = searchableLayerIds(registry, principal);
  if (requested !== undefined) {
    const unknown = requested.filter((id) => !SEARCH_SOURCES.some((source) => source.layerId === id && registry.find(id)));
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
  const layers = SEARCH_SOURCES.filter((source) => wanted.has(source.layerId) && allowed.includes(source.layerId)).map((source) => {
    const restriction = areaRestriction(principal, registry.find(source.layerId)!);
    if (restriction) areaIds = restriction;
    return { layerId: source.layerId, weight: source.weight, isAreaScoped: restriction !== null };
  });
  return { layers, areaIds };
}
