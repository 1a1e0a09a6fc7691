import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { z } from 'zod';
import type { ApiOperation } from '../http/api-operation.ts';
import { NotFoundError } from '../http/errors.ts';
import { findReadableLayer } from '../auth/layer-access.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { REGION_BOUNDS, REGION_CENTER } from '../layers/region.ts';
import { parseTileCoordinates } from '../tiles/tile-coordinates.ts';
import type { TileService } from '../tiles/tile-service.ts';
import { CACHE_STATUS, MVT_CONTENT_TYPE, TILE_VARY, tileCacheControl, type TileCachePolicy, tileStatus } from './tile-responses.ts';

const gunzipAsync = promisify(gunzip);

export interface TileRouteDeps extends TileCachePolicy {
  tiles: TileService;
  registry: LayerRegistry;
}

/** TileJSON 3.0.0 for a layer, with absolute tile URLs on the host the client used. */
function tileJson(registry: LayerRegistry, layer: LayerDefinition, principal: Principal, origin: string) {
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
          layerView(principal, layer, registry).properties.filter(([, property]) => property.inTiles).map(([name, property]) => [name, property.label.fr]),
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
    response.set('Cache-Control', tileCacheControl(request.principal, deps)).json(tileJson(deps.registry, layer, request.principal, origin));
  });

  router.get('/tiles/:layer/:z/:x/:y.mvt', async (request: Request, response: Response) => {
    const { principal } = request;
    const layer = findReadableLayer(deps.registry, String(request.params.layer), principal);
    const tile = parseTileCoordinates(String(request.params.z), String(request.params.x), String(request.params.y));
    if (tile.z < layer.tiles.minzoom || tile.z > layer.tiles.maxzoom) {
      throw new NotFoundError('zoom-out-of-range', `Layer ${layer.id} has tiles from zoom ${layer.tiles.minzoom} to ${layer.tiles.maxzoom}`);
    }
    const { tile: rendered, outcome } = await deps.tiles.getTile(layer, layerView(principal, layer, deps.registry), tile);
    response.set({
      ETag: rendered.etag,
      'Cache-Control': tileCacheControl(principal, deps),
      'Cache-Status': CACHE_STATUS[outcome],
      Vary: TILE_VARY,
    });
    const status = tileStatus(rendered, request.get('if-none-match'));
    if (status !== 200) {
      response.status(status).end();
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
