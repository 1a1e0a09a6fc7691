import { AppError, NotFoundError } from '../http/errors.ts';
import type { Principal } from '../auth/principal.ts';
import type { LayerDefinition } from './layer-definition.ts';
import { canRead, type LayerRegistry } from './registry.ts';

/**
 * The layer a caller names, if it may read it. Unknown ids get a 404 listing the layers this caller may
 * read; a layer it may not read gets 401 (public: sign in) or 403, and the message says nothing about
 * its content.
 */
export function findReadableLayer(registry: LayerRegistry, id: string, principal: Principal): LayerDefinition {
  const layer = registry.find(id);
  if (!layer) {
    throw new NotFoundError('layer-not-found', 'Unknown layer', {
      layers: registry.readableBy(principal.role).map((readable) => readable.id),
    });
  }
  if (!canRead(layer, principal.role)) {
    if (principal.role === 'public') {
      throw new AppError(401, 'authentication-required', 'Unauthorized', 'Sign in to read this layer', {}, {
        'WWW-Authenticate': 'Bearer realm="casa-sig"',
      });
    }
    throw new AppError(403, 'forbidden', 'Forbidden', 'Your role may not read this layer');
  }
  return layer;
}
