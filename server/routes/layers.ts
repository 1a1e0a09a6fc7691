import { Router } from 'express';
import type { ApiOperation } from '../http/api-operation.ts';
import { buildLayerCatalog } from './layer-catalog.ts';
import type { RegionService } from '../layers/region.ts';
import type { LayerRegistry } from '../layers/registry.ts';

export function createLayersRouter(registry: LayerRegistry, region: RegionService): Router {
  const router = Router();
  router.get('/api/layers', async (request, response) => {
    response.set({ 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' });
    response.json(buildLayerCatalog(registry, request.principal, await region.current()));
  });
  return router;
}

export const layersOperations: ApiOperation[] = [
  { method: 'get', path: '/api/layers', tag: 'map', access: 'public', summary: 'The layers the caller may read: titles, properties, zooms, styles and legends', responses: { 200: 'Layer catalog' } },
];
