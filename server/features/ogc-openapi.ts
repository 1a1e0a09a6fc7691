import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { GEOJSON } from './ogc-documents.ts';

/** JSON Schema of one property as the API speaks it. */
function propertySchema(property: PropertyDefinition): Record<string, unknown> {
  const base = { title: property.label.fr, description: `${property.label.en} / ${property.label.ar}`, nullable: !property.required };
  switch (property.type) {
    case 'integer':
      return { ...base, type: 'integer', minimum: property.min, maximum: property.max };
    case 'number':
      return { ...base, type: 'number', minimum: property.min, maximum: property.max };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'datetime':
      return { ...base, type: 'string', format: 'date-time', readOnly: property.editable === false };
    case 'enum':
      return { ...base, type: 'string', enum: Object.keys(property.values ?? {}) };
    case 'string_list':
      return { ...base, type: 'array', items: property.values ? { type: 'string', enum: Object.keys(property.values) } : { type: 'string' }, readOnly: property.editable === false };
    default:
      return { ...base, type: 'string', maxLength: property.max };
  }
}

function featureSchema(layer: LayerDefinition, visible: readonly [string, PropertyDefinition][]) {
  return {
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'integer', readOnly: true },
      geometry: layer.geometry.isDerived
        ? { type: 'object', nullable: true, description: `Taken from the linked ${layer.geometry.derivedFrom ?? 'feature'}: send null (read as GeoJSON ${layer.geometry.types.join(' or ')})` }
        : { type: 'object', description: `GeoJSON ${layer.geometry.types.join(' or ')} in CRS84` },
      properties: {
        type: 'object',
        required: visible.filter(([, property]) => property.required).map(([name]) => name),
        properties: Object.fromEntries(visible.map(([name, property]) => [name, propertySchema(property)])),
        additionalProperties: false,
      },
    },
  };
}

const problem = { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const ifMatch = { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'ETag of the version being edited' };

/** The page sizes of item lists: what a client gets without asking, and the most it may ask for. */
export interface PageSizes {
  defaultLimit: number;
  maxLimit: number;
}

/**
 * OpenAPI 3.0 document of /ogc for the collections a caller may read. The `limit` parameter is a shared
 * component that each items path references: GDAL's OAPIF driver (3.8+) reads its default and maximum
 * only through such a $ref, and takes min(max(1000, default), maximum) as its page size; QGIS reads them
 * too. So a whole layer is copied in pages of the maximum instead of 10 features at a time.
 */
export function buildOgcOpenApi(origin: string, layers: readonly { layer: LayerDefinition; visible: [string, PropertyDefinition][] }[], pages: PageSizes) {
  const paths: Record<string, unknown> = {
    '/': { get: { summary: 'Landing page', responses: { 200: { description: 'Links' } } } },
    '/conformance': { get: { summary: 'Conformance classes', responses: { 200: { description: 'Conformance' } } } },
    '/collections': { get: { summary: 'Collections', responses: { 200: { description: 'Collections' } } } },
  };
  const schemas: Record<string, unknown> = {
    Problem: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, requestId: { type: 'string' }, issues: { type: 'array' } } },
  };
  for (const { layer, visible } of layers) {
    const name = `Feature_${layer.id}`;
    schemas[name] = featureSchema(layer, visible);
    const feature = { content: { [GEOJSON]: { schema: { $ref: `#/components/schemas/${name}` } } } };
    const filters = visible.filter(([, property]) => property.filterable).map(([property, definition]) => ({
      name: property, in: 'query', required: false,
      ...(definition.type === 'enum'
        ? { schema: { type: 'string' }, description: `One of ${Object.keys(definition.values ?? {}).join(', ')}, or several separated by commas` }
        : definition.type === 'date'
          ? { schema: { type: 'string' }, description: 'A date YYYY-MM-DD, or an inclusive interval from/to (".." for an open end)' }
          : { schema: propertySchema(definition) }),
    }));
    const itemPath = { name: 'featureId', in: 'path', required: true, schema: { type: 'integer' } };
    paths[`/collections/${layer.id}`] = { get: { summary: layer.title.fr, responses: { 200: { description: 'Collection' } } } };
    paths[`/collections/${layer.id}/items`] = {
      get: {
        summary: `${layer.title.fr}: features`,
        parameters: [
          { $ref: '#/components/parameters/limit' },
          { name: 'bbox', in: 'query', schema: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 6 }, style: 'form', explode: false },
          { name: 'datetime', in: 'query', schema: { type: 'string' }, description: 'On the last update time' },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'From a next link' },
          { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'The layer as it was then' },
          ...filters,
        ],
        responses: { 200: { description: 'Features (numberMatched on the first page)', content: { [GEOJSON]: {} } }, 400: problem },
      },
      post: { summary: 'Create a feature', requestBody: { required: true, ...feature }, responses: { 201: { description: 'Created' }, 400: problem, 401: problem, 403: problem, 413: problem, 422: problem } },
    };
    paths[`/collections/${layer.id}/items/{featureId}`] = {
      get: { parameters: [itemPath], responses: { 200: { description: 'Feature', ...feature }, 404: problem } },
      put: { parameters: [itemPath, ifMatch], requestBody: { required: true, ...feature }, responses: { 200: { description: 'Replaced' }, 412: problem, 422: problem, 428: problem } },
      patch: { parameters: [itemPath, ifMatch], requestBody: { required: true, content: { 'application/merge-patch+json': {} } }, responses: { 200: { description: 'Updated' }, 412: problem, 422: problem, 428: problem } },
      delete: { parameters: [itemPath, ifMatch], responses: { 204: { description: 'Deleted' }, 412: problem, 428: problem } },
    };
    paths[`/collections/${layer.id}/items/{featureId}/history`] = { get: { parameters: [itemPath], responses: { 200: { description: 'Versions' } } } };
    paths[`/collections/${layer.id}/items/{featureId}/history/{version}/restore`] = {
      post: { parameters: [itemPath, { name: 'version', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'Restored' }, 409: problem, 412: problem } },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'casa-sig OGC API - Features', version: '1.0.0', description: 'Features of the layers of casa-sig, Ville de Casablanca' },
    servers: [{ url: `${origin}/ogc` }],
    paths,
    components: {
      schemas,
      parameters: {
        limit: {
          name: 'limit', in: 'query', required: false, style: 'form', explode: false,
          description: `Features per page: ${pages.defaultLimit} when absent, at most ${pages.maxLimit} (a larger limit is lowered to it)`,
          schema: { type: 'integer', minimum: 1, maximum: pages.maxLimit, default: pages.defaultLimit },
        },
      },
    },
  };
}
