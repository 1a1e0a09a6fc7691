import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { z } from 'zod';
import type { ApiOperation } from '../http/api-operation.ts';
import { findReadableLayer } from '../auth/layer-access.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { Region, RegionService } from '../layers/region.ts';
import type { TileService } from '../tiles/tile-service.ts';
import { decideTileResponse, MVT_CONTENT_TYPE, tileCacheControl, type TileCachePolicy } from '../tiles/tile-response.ts';
import { createTileResolver } from '../tiles/tile-request.ts';

const gunzipAsync = promisify(gunzip);

export interface TileRouteDeps extends TileCachePolicy {
  tiles: TileService;
  registry: LayerRegistry;
  region: RegionService;
}

/** TileJSON 3.0.0 for a layer, with absolute tile URLs on the host the client used. */
function tileJson(registry: LayerRegistry, layer: LayerDefinition, principal: Principal, origin: string, region: Region) {
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
    bounds: region.bounds,
    center: [...region.center, Math.max(layer.tiles.minzoom, 12)],
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
  const resolve = createTileResolver(deps.registry);

  router.get('/tiles/:layer.json', async (request: Request, response: Response) => {
    const layer = findReadableLayer(deps.registry, String(request.params.layer), request.principal);
    const origin = `${request.protocol}://${request.get('host')}`;
    const region = await deps.region.current();
    response.set('Cache-Control', tileCacheControl(request.principal, deps)).json(tileJson(deps.registry, layer, request.principal, origin, region));
  });

  router.get('/tiles/:layer/:z/:x/:y.mvt', async (request: Request, response: Response) => {
    const { principal } = request;
    const { layer, view, tile } = resolve(principal, String(request.params.layer), String(request.params.z), String(request.params.x), String(request.params.y));
    const { tile: rendered, outcome } = await deps.tiles.getTile(layer, view, tile);
    const ask = { principal, ifNoneMatch: request.get('if-none-match'), acceptsGzip: request.acceptsEncodings('gzip') === 'gzip' };
    const answer = decideTileResponse(rendered, outcome, ask, deps);
    response.status(answer.status);
    for (let index = 0; index < answer.headers.length; index += 2) response.set(answer.headers[index]!, answer.headers[index + 1]!);
    if (!answer.gzipped) response.end();
    // Rare (browsers and MapLibre always accept gzip): unpacked off the event loop.
    else response.end(answer.encoding === 'gzip' ? answer.gzipped : await gunzipAsync(answer.gzipped));
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
