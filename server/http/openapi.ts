import { z } from 'zod';
import type { ApiOperation } from './api-operation.ts';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, what OpenAPI 3.1 speaks) of what a client sends, from the route's own zod schema. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(object: z.ZodObject | undefined, location: 'path' | 'query') {
  if (!object) return [];
  const schema = inputSchema(object) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (schema.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function responsesOf(operation: ApiOperation) {
  return Object.fromEntries(
    Object.entries(operation.responses).map(([status, description]) => {
      const code = Number(status);
      const content = code >= 400
        ? { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
        : code === 204 || code === 304
          ? undefined
          : { [operation.responseType ?? 'application/json']: {} };
      return [status, { description, ...(content ? { content } : {}) }];
    }),
  );
}

/** The OpenAPI 3.1 document of the whole HTTP surface, from the operations the routes declare. */
export function buildOpenApiDocument(operations: readonly ApiOperation[], origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [...parametersOf(operation.params, 'path'), ...parametersOf(operation.query, 'query')];
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      'x-access': operation.access,
      ...(operation.layerOperations ? { 'x-layer-operations': operation.layerOperations } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(operation.body) } } } } : {}),
      responses: responsesOf(operation),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'casa-sig API',
      version: '1.0.0',
      description: 'Geographic information system of the city of Casablanca: vector tiles, OGC API - Features, spatial queries, search and administration. Errors are application/problem+json (RFC 9457) with a requestId.',
    },
    servers: [{ url: origin }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'requestId'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            instance: { type: 'string' }, requestId: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'object' } } } },
          },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token from /api/auth/login, or an API key (csk_...)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'casa_sig_session' },
      },
    },
    security: [{}, { bearer: [] }, { sessionCookie: [] }],
  };
}
