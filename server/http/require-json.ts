import type { NextFunction, Request, Response } from 'express';
import { AppError } from './errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPES = ['application/json', 'application/geo+json', 'application/merge-patch+json'];

/**
 * A write with a body must declare it as JSON (GeoJSON, merge patch); anything else is a 415 rather than
 * a confusing "missing field" further on.
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  if (WRITE_METHODS.has(request.method) && request.headers['content-length'] !== '0' && request.get('content-type') !== undefined && !request.is(JSON_TYPES)) {
    next(new AppError(415, 'unsupported-media-type', 'Unsupported media type', `Send the body as ${JSON_TYPES.join(', ')}`));
    return;
  }
  next();
}
