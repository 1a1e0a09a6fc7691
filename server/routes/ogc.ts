import { Router, type Request } from 'express';
import { layerView, readableLayers } from '../auth/policy.ts';
import { collectionDocument, CONFORMANCE_CLASSES, landingPage } from '../features/ogc-documents.ts';
import { buildOgcOpenApi } from '../features/ogc-openapi.ts';
import { findReadableLayer } from '../layers/layer-access.ts';
import type { LayerRegistry } from '../layers/registry.ts';

export function requestOrigin(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}

/** The OGC API - Features documents: landing page, conformance, OpenAPI, collections. */
export function createOgcRouter(registry: LayerRegistry): Router {
  const router = Router();
  const noStoreForStaff = (request: Request) => (request.principal.kind === 'public' ? 'public, max-age=60' : 'private, no-cache');

  router.get(['/ogc', '/ogc/'], (request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json(landingPage(requestOrigin(request)));
  });
  router.get('/ogc/conformance', (_request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json({ conformsTo: CONFORMANCE_CLASSES });
  });
  router.get('/ogc/api', (request, response) => {
    const layers = readableLayers(registry, request.principal).map((layer) => ({ layer, visible: layerView(request.principal, layer).properties }));
    response
      .set({ 'Cache-Control': noStoreForStaff(request), Vary: 'Authorization, Cookie' })
      .type('application/vnd.oai.openapi+json;version=3.0')
      .send(JSON.stringify(buildOgcOpenApi(requestOrigin(request), layers)));
  });
  router.get('/ogc/collections', (request, response) => {
    const origin = requestOrigin(request);
    response.set({ 'Cache-Control': noStoreForStaff(request), Vary: 'Authorization, Cookie' }).json({
      links: [{ rel: 'self', type: 'application/json', href: `${origin}/ogc/collections` }],
      collections: readableLayers(registry, request.principal).map((layer) => collectionDocument(layer, origin)),
    });
  });
  router.get('/ogc/collections/:layer', (request, response) => {
    const layer = findReadableLayer(registry, String(request.params.layer), request.principal);
    response.set({ 'Cache-Control': noStoreForStaff(request), Vary: 'Authorization, Cookie' }).json(collectionDocument(layer, requestOrigin(request)));
  });
  return router;
}
