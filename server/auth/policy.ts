import { AppError } from '../http/errors.ts';
import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { Principal } from './principal.ts';
import type { EndpointScope } from './scopes.ts';

/**
 * The permission policy, in one place. Roles come from the registry's `access` lists; API keys from their
 * scopes. Every channel (tiles, features, queries, search, exports) asks these functions and nothing else.
 */
export type LayerOperation = 'read' | 'create' | 'update' | 'delete';

export function isAllowed(principal: Principal, layer: LayerDefinition, operation: LayerOperation): boolean {
  if (principal.kind === 'api_key') {
    return principal.scopes.has(`${layer.id}:write`) || (operation === 'read' && principal.scopes.has(`${layer.id}:read`));
  }
  return (layer.access[operation] as readonly string[]).includes(principal.role);
}

/** Whether the principal sees the layer's personal properties (it must be able to read the layer too). */
export function seesPersonalData(principal: Principal, layer: LayerDefinition): boolean {
  if (!isAllowed(principal, layer, 'read')) return false;
  if (principal.kind === 'api_key') return principal.scopes.has(`${layer.id}:personal`);
  return (layer.access.personal as readonly string[]).includes(principal.role);
}

/** Properties of the layer the principal may see, by API name, in registry order. */
export function visiblePropertiesFor(principal: Principal, layer: LayerDefinition): [string, PropertyDefinition][] {
  const includePersonal = seesPersonalData(principal, layer);
  return Object.entries(layer.properties).filter(([, property]) => includePersonal || !property.personal);
}

/**
 * Admin areas the principal is confined to on this layer, or null for no restriction: a user whose role is
 * area-scoped on the layer and who is assigned areas sees and edits only features intersecting them.
 */
export function areaRestriction(principal: Principal, layer: LayerDefinition): readonly number[] | null {
  if (principal.kind !== 'user' || principal.areaIds.length === 0) return null;
  return layer.access.areaScoped.includes(principal.role) ? principal.areaIds : null;
}

/** What one principal sees of one layer: the input of every tile and feature query. */
export interface LayerView {
  properties: [string, PropertyDefinition][];
  areaIds: readonly number[] | null;
  /** The registry's admin areas, which `areaIds` name (the registry's areas layer). */
  areas: LayerDefinition;
  /**
   * Two principals with the same class see exactly the same tiles, so cached tiles may be shared within a
   * class and never across classes.
   */
  visibilityClass: string;
}

export function layerView(principal: Principal, layer: LayerDefinition, registry: LayerRegistry): LayerView {
  const properties = visiblePropertiesFor(principal, layer);
  const areaIds = areaRestriction(principal, layer);
  const personal = seesPersonalData(principal, layer) ? '+personal' : '';
  const areas = areaIds ? `@${[...areaIds].sort((a, b) => a - b).join(',')}` : '';
  return { properties, areaIds, areas: registry.areas, visibilityClass: `${principal.kind === 'public' ? 'public' : 'staff'}${personal}${areas}` };
}

export function readableLayers(registry: LayerRegistry, principal: Principal): LayerDefinition[] {
  return registry.layers.filter((layer) => isAllowed(principal, layer, 'read'));
}

export function canUseEndpoint(principal: Principal, endpoint: EndpointScope): boolean {
  if (principal.kind === 'api_key') return principal.scopes.has(endpoint);
  return principal.kind === 'user' || endpoint !== 'changes:read';
}

export function isAdministrator(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'admin';
}

/** 401 for a caller without credentials (it may sign in), 403 for one whose credentials do not allow it. */
export function denial(principal: Principal, detail: string): AppError {
  if (principal.kind === 'public') {
    return new AppError(401, 'authentication-required', 'Unauthorized', 'Sign in or send an API key', {}, {
      'WWW-Authenticate': 'Bearer realm="casa-sig"',
    });
  }
  return new AppError(403, 'forbidden', 'Forbidden', detail);
}

export function assertAllowed(principal: Principal, layer: LayerDefinition, operation: LayerOperation): void {
  if (!isAllowed(principal, layer, operation)) throw denial(principal, `Not allowed to ${operation} this layer`);
}

export function assertAdministrator(principal: Principal): void {
  if (!isAdministrator(principal)) throw denial(principal, 'Administrators only');
}
