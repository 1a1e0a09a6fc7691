import type { NextFunction, Request, Response } from 'express';
import type { ApiOperation } from './api-operation.ts';
import { pathMatcher } from './operation-paths.ts';

/** Response headers a page on another origin may read from a public answer. */
export const PUBLIC_CORS_EXPOSED = 'ETag, Content-Range, Content-Length, Accept-Ranges, Cache-Status, Retry-After, X-Request-Id';
/** Request headers another origin may send to public reads (after a preflight). */
const PUBLIC_CORS_REQUEST_HEADERS = 'If-None-Match, If-Modified-Since, Range, Accept-Language, X-Request-Id';

/** The headers that let any origin read an answer given without credentials. */
export const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': PUBLIC_CORS_EXPOSED,
};

/** Whether a request carries credentials of ours (a bearer token or key, or the session cookie). */
export function carriesCredentials(headers: { authorization?: string | undefined; cookie?: string | undefined }, sessionCookie: string): boolean {
  return headers.authorization !== undefined || (headers.cookie?.includes(`${sessionCookie}=`) ?? false);
}

/**
 * CORS only where the answer is public: the reads that the public may make (documented GET operations open
 * to the public or judged per layer: tiles, TileJSON, archives, OGC API - Features, layers, search,
 * locate), answered to the public, may be read by any origin (`*`, never with credentials). A page
 * elsewhere can thus use the open data and the public map, and never a staff answer: a request that
 * authenticates gets no CORS header, and a preflight may not ask to send Authorization. Runs after
 * authentication (request.principal).
 */
export function createPublicCors(operations: readonly ApiOperation[]) {
  const publicReads = operations
    .filter((operation) => operation.method === 'get' && (operation.access === 'public' || operation.access === 'by-layer'))
    .map((operation) => pathMatcher(operation.path));
  const isPublicRead = (path: string) => publicReads.some((matcher) => matcher.test(path));
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!isPublicRead(request.path)) {
      next();
      return;
    }
    const requestedMethod = request.get('access-control-request-method');
    if (request.method === 'OPTIONS' && requestedMethod !== undefined) {
      if (requestedMethod !== 'GET' && requestedMethod !== 'HEAD') {
        next();
        return;
      }
      response.status(204).set({
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': PUBLIC_CORS_REQUEST_HEADERS,
        'Access-Control-Max-Age': '600',
      }).end();
      return;
    }
    // After authentication: an answer is public when the caller resolved to the public (a dead cookie too).
    if ((request.method === 'GET' || request.method === 'HEAD') && request.principal.kind === 'public') response.set(PUBLIC_CORS_HEADERS);
    next();
  };
}
