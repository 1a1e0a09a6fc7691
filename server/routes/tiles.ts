import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { z } from 'zod';
import type { ApiOperation } from '../http/api-operation.ts';
import { NotFoundError } from '../http/errors.ts';
import { findReadableLayer } from '../layers/layer-access.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { REGION_BOUNDS, REGION_CENTER } from '../layers/region.ts';
import { parseTileCoordinates } from '../tiles/tile-coordinates.ts';
import type { TileCacheOutcome, TileService } from '../tiles/tile-service.ts';

const gunzipAsync = promisify(gunzip);

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

export interface TileRouteDeps {
  tiles: TileService;
  registry: LayerRegistry;
  /** Seconds a public tile may be reused without asking (then revalidated with its ETag). */
  publicMaxAgeSeconds: number;
  publicStaleSeconds: number;
}

/**
 * Public tiles may sit in shared caches (a CDN); tiles that depend on who asks are private and must be
 * revalidated, so a staff tile never lands where the public could be served it.
 */
function cacheControl(principal: Principal, deps: TileRouteDeps): string {
  return principal.kind === 'public'
    ? `public, max-age=${deps.publicMaxAgeSeconds}, stale-while-revalidate=${deps.publicStaleSeconds}`
    : 'private, no-cache';
}

/** RFC 9211 Cache-Status of the server's own tile cache, for operators and benchmarks. */
const CACHE_STATUS: Record<TileCacheOutcome, string> = {
  hit: 'casa-sig; hit',
  stored: 'casa-sig; fwd=miss; stored',
  'not-stored': 'casa-sig; fwd=miss',
  collapsed: 'casa-sig; fwd=miss; collapsed',
};

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** TileJSON 3.0.0 for a layer, with absolute tile URLs on the host the client used. */
function tileJson(layer: LayerDefinition, principal: Principal, origin: string) {
  return {
    tilejson: '3.0.0',
    name: layer.title.fr,
    description: layer.description.fr,
    version: '1.0.0',
    attribution: 'Ville de Casablanca – casa-sig',
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${layer.id}/{z}/{x}/{y}.mvt`],
    minzoom: layer.tiles.minzoom,
    maxzoom: layer.tiles.maxzoom,
    bounds: REGION_BOUNDS,
    center: [...REGION_CENTER, Math.max(layer.tiles.minzoom, 12)],
    vector_layers: [
      {
        id: layer.id,
        description: layer.title.fr,
        minzoom: layer.tiles.minzoom,
        maxzoom: layer.tiles.maxzoom,
        fields: Object.fromEntries(
          layerView(principal, layer).properties.filter(([, property]) => property.inTiles).map(([name, property]) => [name, property.label.fr]),
        ),
      },
    ],
  };
}

export function createTileRouter(deps: TileRouteDeps): Router {
  const router = Router();

  router.get('/tiles/:layer.json', (request: Request, response: Response) => {
    const layer = findReadableLayer(deps.registry, String(request.params.layer), request.principal);
    const origin = `${request.protocol}://${request.get('host')}`;
    response.set('Cache-Control', cacheControl(request.principal, deps)).json(tileJson(layer, request.principal, origin));
  });

  router.get('/tiles/:layer/:z/:x/:y.mvt', async (request: Request, response: Response) => {
    const { principal } = request;
    const layer = findReadableLayer(deps.registry, String(request.params.layer), principal);
    const tile = parseTileCoordinates(String(request.params.z), String(request.params.x), String(request.params.y));
    if (tile.z < layer.tiles.minzoom || tile.z > layer.tiles.maxzoom) {
      throw new NotFoundError('zoom-out-of-range', `Layer ${layer.id} has tiles from zoom ${layer.tiles.minzoom} to ${layer.tiles.maxzoom}`);
    }
    const { tile: rendered, outcome } = await deps.tiles.getTile(layer, layerView(principal, layer), tile);
    response.set({
      ETag: rendered.etag,
      'Cache-Control': cacheControl(principal, deps),
      'Cache-Status': CACHE_STATUS[outcome],
      Vary: 'Accept-Encoding, Authorization, Cookie',
    });
    if (matchesIfNoneMatch(request.get('if-none-match'), rendered.etag)) {
      response.status(304).end();
      return;
    }
    if (rendered.size === 0) {
      response.status(204).end();
      return;
    }
    response.type(MVT_CONTENT_TYPE);
    if (request.acceptsEncodings('gzip')) {
      response.set('Content-Encoding', 'gzip').send(rendered.gzipped);
    } else {
      // Rare (browsers and MapLibre always accept gzip): unpacked off the event loop.
      response.send(await gunzipAsync(rendered.gzipped));
    }
  });

  return router;
}

const tileParams = z.strictObject({
  layer: z.string().describe('Layer id'),
  z: z.string().regex(/^\d+$/).describe('Zoom, 0 to 22'),
  x: z.string().regex(/^\d+$/).describe('Column, 0 to 2^z - 1'),
  y: z.string().regex(/^\d+$/).describe('Row from the north, 0 to 2^z - 1'),
});

export const tileOperations: ApiOperation[] = [
  {
    method: 'get', path: '/tiles/{layer}/{z}/{x}/{y}.mvt', tag: 'map', access: 'by-layer', params: tileParams, responseType: MVT_CONTENT_TYPE,
    summary: 'A vector tile of a layer as the caller may see it (gzip, strong ETag)',
    responses: { 200: 'Mapbox Vector Tile', 204: 'Empty tile', 304: 'Not modified', 400: 'Bad coordinates', 401: 'Sign in', 403: 'Not allowed', 404: 'Unknown layer or zoom outside the layer', 503: 'Busy (Retry-After)' },
  },
  { method: 'get', path: '/tiles/{layer}.json', tag: 'map', access: 'by-layer', params: z.strictObject({ layer: z.string() }), summary: 'TileJSON 3.0.0 of a layer', responses: { 200: 'TileJSON', 401: 'Sign in', 403: 'Not allowed', 404: 'Unknown layer' } },
];
