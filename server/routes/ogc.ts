import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ApiOperation } from '../http/api-operation.ts';
import { layerView, readableLayers } from '../auth/policy.ts';
import { collectionDocument, CONFORMANCE_CLASSES, landingPage } from '../features/ogc-documents.ts';
import { buildOgcOpenApi, type PageSizes } from '../features/ogc-openapi.ts';
import { findReadableLayer } from '../auth/layer-access.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { RegionService } from '../layers/region.ts';
import type { LayerRegistry } from '../layers/registry.ts';

export function requestOrigin(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}

/** The OGC API - Features documents: landing page, conformance, OpenAPI, collections. */
export function createOgcRouter(registry: LayerRegistry, region: RegionService, pages: PageSizes): Router {
  const router = Router();
  const extentOf = async (layer: LayerDefinition) => (await region.layerExtent(layer)) ?? (await region.current()).bounds;
  const noStoreForStaff = (request: Request) => (request.principal.kind === 'public' ? 'public, max-age=60' : 'private, no-cache');

  router.get(['/ogc', '/ogc/'], (request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json(landingPage(requestOrigin(request)));
  });
  router.get('/ogc/conformance', (_request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json({ conformsTo: CONFORMANCE_CLASSES });
  });
  router.get('/ogc/api', (request, response) => {
    const layers = readableLayers(registry, request.principal).map((layer) => ({ layer, visible: layerView(request.principal, layer, registry).properties }));
    response
      .set({ 'Cache-Control': noStoreForStaff(request), Vary: 'Authorization, Cookie' })
      .type('application/vnd.oai.openapi+json;version=3.0')
      .send(JSON.stringify(buildOgcOpenApi(requestOrigin(request), layers, pages)));
  });
  router.get('/ogc/collections', async (request, response) => {
    const origin = requestOrigin(request);
    const layers = readableLayers(registry, request.principal);
    const collections = await Promise.all(layers.map(async (layer) => collectionDocument(layer, origin, await extentOf(layer))));
    response.set({ 'Cache-Control': noStoreForStaff(request), Vary: 'Authorization, Cookie' }).json({
      links: [{ rel: 'self', type: 'application/json', href: `${origin}/ogc/collections` }],
      collections,
    });
  });
  router.get('/ogc/collections/:layer', async (request, response) => {
    const layer = findReadableLayer(registry, String(request.params.layer), request.principal);
    response.set({ 'Cache-Control': noStoreForStaff(request), Vary: 'Authorization, Cookie' }).json(collectionDocument(layer, requestOrigin(request), await extentOf(layer)));
  });
  return router;
}

const ogcDocument = (path: string, summary: string): ApiOperation => ({ method: 'get', path, tag: 'ogc', access: 'public', summary, responses: { 200: summary } });

export const ogcOperations: ApiOperation[] = [
  ogcDocument('/ogc', 'OGC API - Features landing page'),
  ogcDocument('/ogc/conformance', 'Conformance classes (Parts 1 and 4)'),
  ogcDocument('/ogc/api', 'OpenAPI 3.0 definition of the OGC API, per collection'),
  ogcDocument('/ogc/collections', 'Collections the caller may read'),
  { ...ogcDocument('/ogc/collections/{layer}', 'One collection'), params: z.strictObject({ layer: z.string() }), responses: { 200: 'Collection', 401: 'Sign in', 403: 'Not allowed', 404: 'Unknown layer' } },
];
