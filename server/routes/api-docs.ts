import { Router } from 'express';
import type { ApiOperation } from '../http/api-operation.ts';
import { renderApiReference } from '../http/api-reference-page.ts';
import { buildOpenApiDocument } from '../http/openapi.ts';
import { requestOrigin } from './ogc.ts';

/** /api/openapi.json and its readable twin /api/docs, both built from the routes' own operations. */
export function createApiDocsRouter(operations: () => readonly ApiOperation[]): Router {
  const router = Router();
  router.get('/api/openapi.json', (request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json(buildOpenApiDocument(operations(), requestOrigin(request)));
  });
  router.get('/api/docs', (_request, response) => {
    response.set('Cache-Control', 'public, max-age=300').type('html').send(renderApiReference(operations()));
  });
  return router;
}

export const apiDocsOperations: ApiOperation[] = [
  { method: 'get', path: '/api/openapi.json', tag: 'service', access: 'public', summary: 'This API described in OpenAPI 3.1', responses: { 200: 'OpenAPI document' } },
  { method: 'get', path: '/api/docs', tag: 'service', access: 'public', responseType: 'text/html', summary: 'A readable reference of this API (works offline)', responses: { 200: 'HTML page' } },
];
