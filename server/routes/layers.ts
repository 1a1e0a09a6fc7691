import { Router } from 'express';
import { buildLayerCatalog } from '../layers/layer-catalog.ts';
import type { LayerRegistry } from '../layers/registry.ts';

export function createLayersRouter(registry: LayerRegistry): Router {
  const router = Router();
  router.get('/api/layers', (request, response) => {
    response.set({ 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' });
    response.json(buildLayerCatalog(registry, request.principal));
  });
  return router;
}
