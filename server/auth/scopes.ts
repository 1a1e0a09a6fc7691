import type { LayerRegistry } from '../layers/registry.ts';

/**
 * API key scopes:
 * - `<layer>:read`     read the layer (tiles, features);
 * - `<layer>:write`    read, create, update and delete its features;
 * - `<layer>:personal` also see its personal properties (for example a permit's applicant);
 * - `<endpoint>`       one of ENDPOINT_SCOPES (spatial queries, search, the change feed).
 */
export const ENDPOINT_SCOPES = [
  'query:locate',
  'query:nearby',
  'query:within',
  'query:along',
  'query:stats',
  'search',
  'changes:read',
] as const;
export type EndpointScope = (typeof ENDPOINT_SCOPES)[number];

const LAYER_SCOPE_ACTIONS = ['read', 'write', 'personal'] as const;

/** Every scope a key may hold with this registry, for CLI help and validation. */
export function allScopes(registry: LayerRegistry): string[] {
  return [...registry.ids.flatMap((id) => LAYER_SCOPE_ACTIONS.map((action) => `${id}:${action}`)), ...ENDPOINT_SCOPES];
}

/** Returns the unknown scopes in a list (empty when all are valid). */
export function findUnknownScopes(scopes: readonly string[], registry: LayerRegistry): string[] {
  const known = new Set(allScopes(registry));
  return scopes.filter((scope) => !known.has(scope));
}
