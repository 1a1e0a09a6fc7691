import { assertAllowed, readableLayers } from './policy.ts';
import type { Principal } from './principal.ts';
import { NotFoundError } from '../http/errors.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';

/**
 * The layer a caller names, if it may read it. Unknown ids get a 404 listing the layers this caller may
 * read; a layer it may not read gets 401 (no credentials) or 403, and the message says nothing about
 * its content.
 */
export function findReadableLayer(registry: LayerRegistry, id: string, principal: Principal): LayerDefinition {
  const layer = registry.find(id);
  if (!layer) {
    throw new NotFoundError('layer-not-found', 'Unknown layer', {
      layers: readableLayers(registry, principal).map((readable) => readable.id),
    });
  }
  assertAllowed(principal, layer, 'read');
  return layer;
}
