/**
 * The operations of the HTTP API as its own OpenAPI documents describe them (/api/openapi.json and, per layer,
 * /ogc/api), flattened for the hostile-input suite: a route added with its operation is attacked without
 * anyone writing a test for it.
 */

type JsonSchema = Record<string, unknown>;

export interface ApiParameter {
  name: string;
  location: 'path' | 'query';
  isRequired: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  method: string;
  /** Path template from the server root, e.g. /ogc/collections/{layer}/items/{id}. */
  path: string;
  parameters: ApiParameter[];
  body?: { schema: JsonSchema; contentType: string };
  /** Whether a success would change stored data (everything but GETs and the documented reads by POST). */
  isWrite: boolean;
  /** Which document describes it, for the report. */
  source: 'api' | 'ogc';
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; 'x-access'?: string; 'x-layer-operations'?: string[] }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Replaces `#/components/schemas/X` references by the schema (the documents have no cycles). */
function resolve(schema: unknown, document: OpenApiDocument): JsonSchema {
  if (!schema || typeof schema !== 'object') return {};
  const reference = (schema as { $ref?: string }).$ref;
  if (reference) return resolve(document.components?.schemas?.[reference.split('/').pop()!], document);
  return schema as JsonSchema;
}

/**
 * OpenAPI 3.0 `nullable` (the OGC document) as JSON Schema 2020-12, so one validator judges both documents;
 * readOnly members are dropped (a client must not send them).
 */
export function toJsonSchema(schema: JsonSchema): JsonSchema {
  const { nullable, ...rest } = schema as JsonSchema & { nullable?: boolean };
  const converted: JsonSchema = { ...rest };
  if (rest.properties && typeof rest.properties === 'object') {
    const properties = Object.entries(rest.properties as Record<string, JsonSchema>).filter(([, member]) => member.readOnly !== true);
    converted.properties = Object.fromEntries(properties.map(([name, member]) => [name, toJsonSchema(member)]));
  }
  if (rest.items && typeof rest.items === 'object') converted.items = toJsonSchema(rest.items as JsonSchema);
  if (nullable && typeof rest.type === 'string') converted.type = [rest.type, 'null'];
  if (nullable && Array.isArray(rest.enum)) converted.enum = [...rest.enum, null];
  return converted;
}

/** The operations of one document; `prefix` is where its paths are mounted (/ogc for the OGC document). */
export function readOperations(document: OpenApiDocument, source: 'api' | 'ogc', prefix = ''): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const path = `${prefix}${template === '/' ? '' : template}` || '/';
      const parameters = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
        .map((parameter): ApiParameter => ({
          name: parameter.name,
          location: parameter.in as 'path' | 'query',
          isRequired: parameter.in === 'path' || parameter.required === true,
          schema: toJsonSchema(resolve(parameter.schema, document)),
        }));
      const [contentType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      // Open to the public (sign-in) or needing only read permission (the within query): reads by POST.
      const access = operation['x-access'];
      const isRead = method === 'get' || access === 'public' || (access === 'by-layer' && !operation['x-layer-operations']);
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters,
        ...(contentType ? { body: { schema: toJsonSchema(resolve(content?.schema, document)), contentType } } : {}),
        isWrite: !isRead,
        source,
      });
    }
  }
  return operations;
}
