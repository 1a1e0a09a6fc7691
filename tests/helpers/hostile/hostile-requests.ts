import type { ApiOperation, ApiParameter } from './api-operations.ts';
import { HOSTILE_BODIES, HOSTILE_GEOMETRIES, HOSTILE_HEADERS, HOSTILE_JSON, HOSTILE_NUMBER_TEXT, HOSTILE_TEXT, RAW_PATH_SEGMENTS } from './hostile-values.ts';

type JsonSchema = Record<string, unknown>;

export const ROLES = ['public', 'planner', 'inspector', 'admin', 'api_key'] as const;
export type Role = (typeof ROLES)[number];

/** One request of the suite, with what makes it hostile and whether it must be refused. */
export interface HostileRequest {
  operation: ApiOperation;
  role: Role;
  method: string;
  /** Path and query, already encoded as sent. */
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** What is hostile in it, for failure messages. */
  label: string;
  /** A write of invalid input: anything but a 4xx is a failure. */
  mustRefuse: boolean;
}

/** What the generator knows of the database it attacks: existing ids and a valid feature of each layer. */
export interface HostileContext {
  /** An existing feature id per layer. */
  featureIds: Readonly<Record<string, number>>;
  /** A valid Feature body per layer (an existing feature without its read-only members). */
  features: Readonly<Record<string, { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }>>;
  /** Whether a body is valid against a schema (JSON Schema 2020-12). */
  isValid: (schema: JsonSchema, value: unknown) => boolean;
}

/** An If-Match that is well-formed and never current: a write that gets past validation stops at 412. */
export const STALE_IF_MATCH = '"v0.AAAAAAAA"';

const DEFAULT_LAYER = 'road_segments';

/** The layer an operation's path names (OGC per-layer paths), else the default. */
function layerOf(operation: ApiOperation): string {
  return /\/collections\/([a-z_]+)(?:\/|$)/.exec(operation.path)?.[1] ?? DEFAULT_LAYER;
}

/**
 * A valid value for a parameter, by its name and schema. Administration resources are named by values that
 * exist nowhere (a write must never find its target); features by existing ids, since their writes are held
 * back by a stale If-Match after all validation.
 */
function validParameter(operation: ApiOperation, parameter: ApiParameter, context: HostileContext): string {
  const byName: Record<string, string> = {
    layer: DEFAULT_LAYER, z: '14', x: '7844', y: '6567', version: '1', name: 'casa-sig-public', username: 'nobody-here', prefix: 'zzzzzzzz',
    lon: '-7.6325', lat: '33.5873', q: 'zerktouni', road: String(context.featureIds.road_segments ?? 1),
  };
  if (parameter.name === 'id' && operation.path.startsWith('/api/admin/')) return '999999';
  if (parameter.name === 'id' || parameter.name === 'featureId') return String(context.featureIds[layerOf(operation)] ?? 1);
  if (byName[parameter.name] !== undefined) return byName[parameter.name]!;
  const schema = parameter.schema as { type?: unknown; enum?: unknown[]; pattern?: string; minimum?: number };
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number' || schema.pattern?.includes('\\d')) return String(schema.minimum ?? 1);
  return 'x';
}

/** The JSON Schema keywords minimalValue reads. */
interface SchemaKeywords {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** A JSON value that satisfies a schema as simply as possible (the base a single member is varied from). */
export function minimalValue(schema: JsonSchema): unknown {
  const { type, enum: values, format, minimum, minItems, minLength, properties, required, default: fallback, anyOf, oneOf } = schema as SchemaKeywords;
  if (fallback !== undefined) return fallback;
  if (Array.isArray(values)) return values[0];
  const alternatives = anyOf ?? oneOf;
  if (Array.isArray(alternatives)) return minimalValue(alternatives[0] ?? {});
  const kind = Array.isArray(type) ? type[0] : type;
  if (kind === 'object' || properties) {
    return Object.fromEntries((required ?? []).map((name) => [name, minimalValue(properties?.[name] ?? {})]));
  }
  if (kind === 'array') return Array.from({ length: minItems ?? 0 }, () => minimalValue(schema.items as JsonSchema ?? {}));
  if (kind === 'integer' || kind === 'number') return minimum ?? 1;
  if (kind === 'boolean') return false;
  if (kind === 'null') return null;
  if (format === 'date') return '2026-01-01';
  if (format === 'date-time') return '2026-01-01T00:00:00Z';
  return 'x'.repeat(Math.max(1, minLength ?? 1));
}

function isFeatureOperation(operation: ApiOperation): boolean {
  return /\/items(\/\{[^}]+\})?$/.test(operation.path) && operation.body !== undefined;
}

/** The body a member is varied from: a real feature for feature writes, else the schema's simplest value. */
function baseBody(operation: ApiOperation, context: HostileContext): unknown {
  if (isFeatureOperation(operation)) {
    const feature = context.features[layerOf(operation)]!;
    return operation.method === 'PATCH' ? { properties: {} } : structuredClone(feature);
  }
  return minimalValue(operation.body!.schema);
}

function encodeSegment(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The variants of one operation, before roles are given to them. */
interface Variant {
  label: string;
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
}

function targetOf(operation: ApiOperation, variant: Variant): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => variant.path[name] ?? 'x');
  const query = variant.query.map(([name, value]) => `${name}=${value}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** The members of a body schema that may be varied, with their schema. */
function membersOf(schema: JsonSchema): [string, JsonSchema][] {
  return Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {});
}

function bodyVariants(operation: ApiOperation, context: HostileContext, base: unknown): Variant[] {
  const json = (label: string, value: unknown): Variant => ({ label, path: {}, query: [], headers: { 'Content-Type': operation.body!.contentType }, body: JSON.stringify(value) });
  const variants: Variant[] = HOSTILE_BODIES.map((raw): Variant => ({
    label: `body: ${raw.name}`, path: {}, query: [], headers: raw.contentType ? { 'Content-Type': raw.contentType } : {}, body: raw.body,
  }));
  const schema = operation.body!.schema;
  const isFeature = isFeatureOperation(operation);
  const featureSchema = isFeature ? (schema.properties as Record<string, JsonSchema> | undefined)?.properties : undefined;
  const varied: { label: string; value: unknown }[] = [];
  const vary = (members: [string, JsonSchema][], prefix: string) => {
    for (const [name] of members) {
      if (isFeature && name === 'geometry' && prefix === '') continue;
      for (const value of HOSTILE_JSON) {
        const copy = structuredClone(base) as Record<string, unknown>;
        const target = prefix ? (copy.properties as Record<string, unknown>) : copy;
        target[name] = value;
        varied.push({ label: `${prefix}${name} = ${JSON.stringify(value)?.slice(0, 40)}`, value: copy });
      }
      const without = structuredClone(base) as Record<string, unknown>;
      delete (prefix ? (without.properties as Record<string, unknown>) : without)[name];
      varied.push({ label: `${prefix}${name} removed`, value: without });
    }
    for (const key of HOSTILE_TEXT.slice(0, 12)) {
      const copy = structuredClone(base) as Record<string, unknown>;
      (prefix ? (copy.properties as Record<string, unknown>) : copy)[key || 'empty'] = 1;
      varied.push({ label: `${prefix}unknown member ${JSON.stringify(key).slice(0, 30)}`, value: copy });
    }
  };
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    vary(membersOf(schema), '');
    if (isFeature && featureSchema) vary(membersOf(featureSchema), 'properties/');
  }
  // A write of a body that its own schema accepts could succeed: only invalid ones are sent to writes.
  for (const { label, value } of varied) {
    if (operation.isWrite && context.isValid(schema, value)) continue;
    variants.push(json(`body: ${label}`, value));
  }
  if (isFeature || (membersOf(schema).some(([name]) => name === 'geometry'))) {
    for (const [name, geometry] of Object.entries(HOSTILE_GEOMETRIES)) {
      const copy = structuredClone(base) as Record<string, unknown>;
      copy.geometry = geometry;
      variants.push(json(`geometry: ${name}`, copy));
    }
  }
  return variants;
}

/** Change sets carry features too: their geometries and their If-Match are attacked inside the set. */
function changeSetVariants(context: HostileContext): Variant[] {
  const id = context.featureIds[DEFAULT_LAYER] ?? 1;
  const feature = context.features[DEFAULT_LAYER]!;
  const set = (label: string, changes: unknown[]): Variant => ({ label: `change set: ${label}`, path: {}, query: [], headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ changes }) });
  return [
    ...Object.entries(HOSTILE_GEOMETRIES).flatMap(([name, geometry]) => [
      set(`create with ${name}`, [{ op: 'create', layer: DEFAULT_LAYER, feature: { ...feature, geometry } }]),
      set(`update with ${name}`, [{ op: 'update', layer: DEFAULT_LAYER, id, ifMatch: STALE_IF_MATCH, patch: { geometry } }]),
    ]),
    ...HOSTILE_TEXT.slice(0, 12).map((text) => set(`layer ${JSON.stringify(text).slice(0, 30)}`, [{ op: 'delete', layer: text, id, ifMatch: STALE_IF_MATCH }])),
    ...['garbage', 'W/"v1.AAAAAAAA"', '"v1.AAAAAAAA"', '', '"a", "b'].map((ifMatch) => set(`If-Match ${ifMatch}`, [{ op: 'delete', layer: DEFAULT_LAYER, id, ifMatch }])),
    set('501 changes', Array.from({ length: 501 }, () => ({ op: 'delete', layer: DEFAULT_LAYER, id, ifMatch: STALE_IF_MATCH }))),
    set('a valid create, then an invalid one', [{ op: 'create', layer: DEFAULT_LAYER, feature }, { op: 'create', layer: DEFAULT_LAYER, feature: { ...feature, geometry: HOSTILE_GEOMETRIES.bowtie } }]),
  ];
}

function parameterVariants(operation: ApiOperation): Variant[] {
  const variants: Variant[] = [];
  for (const parameter of operation.parameters) {
    const values = [...HOSTILE_TEXT, ...HOSTILE_NUMBER_TEXT].flatMap((text) => {
      const encoded = encodeSegment(text);
      return encoded === undefined ? [] : [{ shown: JSON.stringify(text).slice(0, 40), encoded }];
    });
    if (parameter.location === 'path') values.push(...RAW_PATH_SEGMENTS.map((raw) => ({ shown: raw, encoded: raw })));
    for (const { shown, encoded } of values) {
      variants.push(parameter.location === 'path'
        ? { label: `path ${parameter.name} = ${shown}`, path: { [parameter.name]: encoded }, query: [], headers: {} }
        : { label: `query ${parameter.name} = ${shown}`, path: {}, query: [[parameter.name, encoded]], headers: {} });
    }
    if (parameter.location === 'query') {
      variants.push({ label: `query ${parameter.name} twice`, path: {}, query: [[parameter.name, 'a'], [parameter.name, 'b']], headers: {} });
      variants.push({ label: `query ${parameter.name}[$ne]`, path: {}, query: [[`${parameter.name}[$ne]`, '1']], headers: {} });
    }
  }
  for (const name of ['unknown', "1' OR '1'='1", '__proto__', 'sort', 'filter', '%FF']) {
    variants.push({ label: `query unknown ${name}`, path: {}, query: [[encodeSegment(name) ?? name, 'x']], headers: {} });
  }
  variants.push({ label: 'query of 1,000 parameters', path: {}, query: Array.from({ length: 1_000 }, (_, index): [string, string] => [`p${index}`, '1']), headers: {} });
  return variants;
}

/** Every variant of one operation: parameters, bodies, headers. */
export function variantsOf(operation: ApiOperation, context: HostileContext): Variant[] {
  const base = operation.body ? baseBody(operation, context) : undefined;
  const variants = [
    ...parameterVariants(operation),
    ...HOSTILE_HEADERS.map((headers) => ({ label: `headers ${JSON.stringify(headers).slice(0, 60)}`, path: {}, query: [], headers: { ...headers } })),
    ...(operation.body ? bodyVariants(operation, context, base) : []),
    ...(operation.method === 'POST' && operation.path === '/api/changes' ? changeSetVariants(context) : []),
  ];
  return variants;
}

/** A deterministic pseudo-random sequence (mulberry32), so a failing sample is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The requests of the suite. Each variant is sent once, as a role taken in turn, and a sample of `extraShare`
 * of them once more as every other role; at most `maxPerOperation` per operation, sampled with a fixed seed
 * (so that one large body schema does not crowd out the rest). Writes that have neither a body nor a path
 * parameter (a logout) cannot be made invalid, so they go only to callers without a session to lose.
 */
export function buildHostileRequests(
  operations: readonly ApiOperation[],
  context: HostileContext,
  roleHeaders: Readonly<Record<Role, Record<string, string>>>,
  options: { seed: number; maxPerOperation: number; extraShare: number },
): HostileRequest[] {
  const random = seededRandom(options.seed);
  const requests: HostileRequest[] = [];
  operations.forEach((operation, operationIndex) => {
    const base = operation.body ? baseBody(operation, context) : undefined;
    const hasNoInput = operation.isWrite && !operation.body && !operation.parameters.some((parameter) => parameter.location === 'path');
    const roles: readonly Role[] = hasNoInput ? ['public', 'api_key'] : ROLES;
    const defaults: Record<string, string> = Object.fromEntries(operation.parameters.filter((parameter) => parameter.location === 'path').map((parameter) => [parameter.name, validParameter(operation, parameter, context)]));
    const requiredQuery = operation.parameters.filter((parameter) => parameter.location === 'query' && parameter.isRequired);
    let variants = variantsOf(operation, context);
    if (variants.length > options.maxPerOperation) {
      variants = variants.map((variant) => ({ variant, order: random() })).sort((a, b) => a.order - b.order).slice(0, options.maxPerOperation).map(({ variant }) => variant);
    }
    variants.forEach((variant, variantIndex) => {
      const chosen = [roles[(operationIndex + variantIndex) % roles.length]!];
      if (random() < options.extraShare) chosen.push(...roles.filter((role) => role !== chosen[0]));
      const query = [
        ...requiredQuery.filter((parameter) => !variant.query.some(([name]) => name === parameter.name)).map((parameter): [string, string] => [parameter.name, validParameter(operation, parameter, context)]),
        ...variant.query,
      ];
      const target = targetOf(operation, { ...variant, path: { ...defaults, ...variant.path }, query });
      // Writes not varied in their body carry one that is refused ({} lacks what every write needs).
      const body = variant.body ?? (operation.body ? (operation.isWrite ? '{}' : JSON.stringify(base)) : undefined);
      const contentType: Record<string, string> = variant.body === undefined && operation.body ? { 'Content-Type': operation.body.contentType } : {};
      for (const role of chosen) {
        requests.push({
          operation,
          role,
          method: operation.method,
          target,
          headers: { ...roleHeaders[role], ...(operation.isWrite ? { 'If-Match': STALE_IF_MATCH } : {}), ...contentType, ...variant.headers },
          ...(body !== undefined && operation.method !== 'GET' ? { body } : {}),
          label: variant.label,
          mustRefuse: operation.isWrite,
        });
      }
    });
  });
  return requests;
}
