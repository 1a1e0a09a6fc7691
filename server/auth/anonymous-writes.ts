import type { NextFunction, Request, Response } from 'express';
import type { ApiOperation } from '../http/api-operation.ts';
import { pathMatcher } from '../http/operation-paths.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { denial, isAllowed } from './policy.ts';
import { PUBLIC_PRINCIPAL } from './principal.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether anything the public could send to this operation might be accepted. */
function isOpenToThePublic(operation: ApiOperation, registry: LayerRegistry): boolean {
  if (operation.access === 'public') return true;
  if (operation.access !== 'by-layer') return false;
  const needed = operation.layerOperations ?? ['read'];
  return registry.layers.some((layer) => needed.some((permission) => isAllowed(PUBLIC_PRINCIPAL, layer, permission)));
}

/**
 * A write by a caller without credentials, to an operation where nothing it could send is allowed (an
 * administrator's route, an edit of a layer the public may not change), is a 401 before its body is read:
 * no parsing and no validation work for anonymous traffic, and no schema described to it. Derived from the
 * documented operations and the policy, so a new route is covered by itself. Runs after authentication and
 * before the body parser.
 */
export function createAnonymousWriteGate(operations: readonly ApiOperation[], registry: LayerRegistry) {
  const writes = operations
    .filter((operation) => operation.method !== 'get')
    .map((operation) => ({ method: operation.method.toUpperCase(), matcher: pathMatcher(operation.path), isOpen: isOpenToThePublic(operation, registry) }));
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (request.principal.kind !== 'public' || SAFE_METHODS.has(request.method)) {
      next();
      return;
    }
    const matching = writes.filter((write) => write.method === request.method && write.matcher.test(request.path));
    if (matching.length > 0 && !matching.some((write) => write.isOpen)) throw denial(PUBLIC_PRINCIPAL, 'Sign in or send an API key');
    next();
  };
}
