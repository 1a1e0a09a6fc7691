import { z } from 'zod';
import { assertAllowed, canUseEndpoint, denial, readableLayers } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { EndpointScope } from '../auth/scopes.ts';
import { AppError, BadRequestError } from '../http/errors.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { isInBbox, type Region } from '../layers/region.ts';

/**
 * A number written in a query string. Not z.coerce.number(), which reads an empty parameter as 0: an
 * empty `lon=` is a malformed request (400), not the Gulf of Guinea.
 */
export function queryNumber(minimum: number, maximum: number) {
  return z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number')
    .transform(Number)
    .pipe(z.number().min(minimum).max(maximum));
}

/** A longitude or latitude in a query string, in degrees (EPSG:4326). */
export const longitude = queryNumber(-180, 180);
export const latitude = queryNumber(-90, 90);

/** 422 for a well-formed point outside the area casa-sig serves (its admin areas and a margin): it would only ever find nothing. */
export function assertInRegion(region: Region, lon: number, lat: number): void {
  if (!isInBbox(region.bounds, lon, lat)) {
    throw new AppError(422, 'outside-region', 'Unprocessable content', `The point must lie in the Casablanca region (${region.bounds.map((value) => value.toFixed(4)).join(', ')})`, {
      issues: [{ pointer: '/lon', code: 'outside-region', message: { fr: 'Point hors de la région de Casablanca', ar: 'نقطة خارج جهة الدار البيضاء', en: 'Point outside the Casablanca region' } }],
    });
  }
}

export function assertCanUse(principal: Principal, endpoint: EndpointScope): void {
  if (!canUseEndpoint(principal, endpoint)) throw denial(principal, `Not allowed to use ${endpoint}`);
}

/** A layer named in a query parameter: unknown -> 400 listing what the caller may read; unreadable -> 401/403. */
export function layerParameter(registry: LayerRegistry, principal: Principal, id: string, parameter = 'layer'): LayerDefinition {
  const layer = registry.find(id);
  if (!layer) {
    throw new BadRequestError('unknown-layer', `${parameter}: unknown layer "${id.slice(0, 64)}"`, {
      allowed: readableLayers(registry, principal).map((readable) => readable.id),
    });
  }
  assertAllowed(principal, layer, 'read');
  return layer;
}
