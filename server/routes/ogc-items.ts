import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import type { AdmissionQueue } from '../http/admission-queue.ts';
import { requestSource } from '../auth/request-source.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { assertAllowed, layerView } from '../auth/policy.ts';
import type { Config } from '../config.ts';
import { featureEtag, parseIfMatch } from '../features/etag.ts';
import { parseFeatureInput } from '../features/feature-input.ts';
import { type StoredFeature, toGeojsonFeature } from '../features/feature-row.ts';
import { createFeature, deleteFeature, inWriteTransaction, updateFeature, type WriteAdmission } from '../features/feature-writer.ts';
import { listFeatureHistory } from '../features/history.ts';
import { parseItemsRequest } from '../features/items-query.ts';
import { GEOJSON } from '../features/ogc-documents.ts';
import { listFeatures, listFeaturesAsOf, readFeature } from '../features/read-features.ts';
import { restoreVersion } from '../features/restore.ts';
import { type FeatureIssue, PreconditionRequiredError } from '../features/write-errors.ts';
import { isInsideAreas } from '../features/database-checks.ts';
import { BadRequestError, NotFoundError } from '../http/errors.ts';
import { findReadableLayer } from '../auth/layer-access.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { RegionService } from '../layers/region.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { ReadRouting } from '../db/read-routing.ts';
import type { CommitObserver } from '../tiles/tile-invalidation.ts';
import { requestOrigin } from './ogc.ts';

export interface ItemRouteDeps {
  pool: pg.Pool;
  registry: LayerRegistry;
  config: Pick<Config, 'FEATURES_DEFAULT_LIMIT' | 'FEATURES_MAX_LIMIT' | 'MAX_GEOMETRY_VERTICES'>;
  /** Item lists (the bulk reads of other software and harvesters) wait here with the spatial queries. */
  queries: AdmissionQueue;
  /** Edited geometries must stay in the region. */
  region: RegionService;
  /** Where reads run: the replica when it has replayed the layer's latest edit, else the primary. */
  reads: ReadRouting;
  /** This process's tile service, told of each commit before the answer goes out. */
  commits: CommitObserver;
  /** Where write transactions wait for their turn. */
  writes: WriteAdmission;
}

function parseId(text: string): number {
  if (!/^[1-9]\d{0,14}$/.test(text)) throw new NotFoundError('feature-not-found', 'No feature with this id');
  return Number(text);
}

/** Versions are PostgreSQL integers: anything past 2^31 - 1 names no version. */
const MAX_VERSION = 2 ** 31 - 1;

function parseVersion(text: string): number {
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > MAX_VERSION) throw new NotFoundError('version-not-found', 'No such version of this feature');
  return Number(text);
}

/** An optional reason for the change, from the X-Change-Reason header (URI-encoded, up to 1000 chars). */
function changeReason(request: Request): string | undefined {
  const header = request.get('x-change-reason');
  if (!header) return undefined;
  let reason: string;
  try {
    reason = decodeURIComponent(header);
  } catch {
    throw new BadRequestError('invalid-header', 'X-Change-Reason must be URI-encoded text');
  }
  if (reason.length > 1000) throw new BadRequestError('invalid-header', 'X-Change-Reason is limited to 1000 characters');
  return reason;
}

/** Writes a single feature with its strong ETag (and the warnings of a write), as the caller may see it. */
function sendFeature(request: Request, response: Response, registry: LayerRegistry, layer: LayerDefinition, feature: StoredFeature, status: number, warnings?: FeatureIssue[]): void {
  const view = layerView(request.principal, layer, registry);
  const href = `${requestOrigin(request)}/ogc/collections/${layer.id}/items/${feature.id}`;
  const body = {
    ...toGeojsonFeature(feature, view.properties),
    ...(warnings ? { warnings } : {}),
    links: [
      { rel: 'self', type: GEOJSON, href },
      { rel: 'collection', type: 'application/json', href: `${requestOrigin(request)}/ogc/collections/${layer.id}` },
      { rel: 'version-history', type: 'application/json', href: `${href}/history` },
    ],
  };
  response
    .status(status)
    .set({ ETag: featureEtag(feature.version, view), 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' })
    .type(GEOJSON)
    .send(JSON.stringify(body));
}

export function createItemsRouter(deps: ItemRouteDeps): Router {
  const router = Router();
  const { pool, registry, config, queries, reads } = deps;
  const writeOptions = async (request: Request) => ({
    registry,
    maxVertices: config.MAX_GEOMETRY_VERTICES,
    reason: changeReason(request),
    city: (await deps.region.current()).home,
    observer: deps.commits,
    admission: deps.writes,
  });
  const layerOf = (request: Request) => findReadableLayer(registry, String(request.params.layer), request.principal);
  const limits = async () => ({ maxVertices: config.MAX_GEOMETRY_VERTICES, region: (await deps.region.current()).bounds });

  router.get('/ogc/collections/:layer/items', async (request, response) => {
    const layer = layerOf(request);
    const view = layerView(request.principal, layer, registry);
    const filterable = view.properties.filter(([, property]) => property.filterable);
    const parsed = parseItemsRequest(filterable, request.query as Record<string, unknown>, {
      defaultLimit: config.FEATURES_DEFAULT_LIMIT,
      maxLimit: config.FEATURES_MAX_LIMIT,
    });
    const result = await queries.run(() => reads.run([layer.id], (db) => parsed.asOf
      ? listFeaturesAsOf(db, layer, view, parsed.asOf, parsed.filter)
      : listFeatures(db, layer, view, parsed.filter)), requestSource(request));
    const self = new URL(`${requestOrigin(request)}${request.originalUrl}`);
    const links: Record<string, string>[] = [
      { rel: 'self', type: GEOJSON, href: self.toString() },
      { rel: 'collection', type: 'application/json', href: `${requestOrigin(request)}/ogc/collections/${layer.id}` },
    ];
    if (result.nextAfterId !== undefined) {
      const next = new URL(self);
      next.searchParams.set('cursor', String(result.nextAfterId));
      next.searchParams.set('limit', String(parsed.filter.limit));
      links.push({ rel: 'next', type: GEOJSON, href: next.toString() });
    }
    response
      .set({ 'Cache-Control': request.principal.kind === 'public' ? 'public, max-age=5' : 'private, no-cache', Vary: 'Authorization, Cookie' })
      .type(GEOJSON)
      .send(JSON.stringify({
        type: 'FeatureCollection',
        timeStamp: new Date().toISOString(),
        ...(result.numberMatched === undefined ? {} : { numberMatched: result.numberMatched }),
        numberReturned: result.features.length,
        features: result.features.map((feature) => toGeojsonFeature(feature, view.properties)),
        links,
      }));
  });

  router.get('/ogc/collections/:layer/items/:id', async (request, response) => {
    const layer = layerOf(request);
    const id = parseId(String(request.params.id));
    const feature = await reads.run([layer.id], (db) => readFeature(db, layer, layerView(request.principal, layer, registry), id));
    if (!feature) throw new NotFoundError('feature-not-found', 'No such feature');
    sendFeature(request, response, registry, layer, feature, 200);
  });

  router.post('/ogc/collections/:layer/items', async (request, response) => {
    const layer = layerOf(request);
    assertAllowed(request.principal, layer, 'create');
    const input = parseFeatureInput(layer, request.body, 'create', await limits());
    const result = await inWriteTransaction(pool, request.principal, await writeOptions(request), (tx) => createFeature(tx, layer, input));
    response.location(`${requestOrigin(request)}/ogc/collections/${layer.id}/items/${result.feature.id}`);
    sendFeature(request, response, registry, layer, result.feature, 201, result.warnings);
  });

  for (const method of ['put', 'patch'] as const) {
    router[method]('/ogc/collections/:layer/items/:id', async (request, response) => {
      const layer = layerOf(request);
      const id = parseId(String(request.params.id));
      const isFullReplace = method === 'put';
      // Judged in this order: permission (401/403), If-Match present and well-formed (428/400), body
      // (400/422), then inside the transaction existence (404) and the precondition (412).
      assertAllowed(request.principal, layer, 'update');
      const ifMatch = parseIfMatch(request.get('if-match'));
      if (!ifMatch) throw new PreconditionRequiredError();
      const input = parseFeatureInput(layer, request.body, isFullReplace ? 'replace' : 'update', await limits(), id);
      const result = await inWriteTransaction(pool, request.principal, await writeOptions(request), (tx) =>
        updateFeature(tx, layer, id, input, ifMatch, isFullReplace),
      );
      sendFeature(request, response, registry, layer, result.feature, 200, result.warnings);
    });
  }

  router.delete('/ogc/collections/:layer/items/:id', async (request, response) => {
    const layer = layerOf(request);
    const id = parseId(String(request.params.id));
    assertAllowed(request.principal, layer, 'delete');
    const ifMatch = parseIfMatch(request.get('if-match'));
    await inWriteTransaction(pool, request.principal, await writeOptions(request), (tx) => deleteFeature(tx, layer, id, ifMatch));
    response.status(204).end();
  });

  router.get('/ogc/collections/:layer/items/:id/history', async (request, response) => {
    const layer = layerOf(request);
    const id = parseId(String(request.params.id));
    const view = layerView(request.principal, layer, registry);
    const { entries, isVisible } = await reads.run([layer.id], async (db) => {
      const entries = await listFeatureHistory(db, layer.id, id);
      const latest = entries.at(-1);
      // A confined caller sees the history of features whose latest place lies in its areas; a feature
      // never edited since it was loaded has an empty history.
      const isVisible = latest
        ? !view.areaIds || (await isInsideAreas(db, view.areas, (latest.after ?? latest.before)!.geometry, view.areaIds))
        : (await readFeature(db, layer, view, id)) !== undefined;
      return { entries, isVisible };
    });
    if (!isVisible) throw new NotFoundError('feature-not-found', 'No history for this feature');
    const showAuthor = request.principal.kind !== 'public';
    response.set({ 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' }).json({
      layer: layer.id,
      id,
      versions: entries.map((entry) => ({
        version: entry.version,
        operation: entry.operation,
        committedAt: entry.committedAt,
        author: showAuthor ? entry.author : null,
        reason: showAuthor ? entry.reason : null,
        feature: entry.after ? toGeojsonFeature(entry.after, view.properties) : null,
        warnings: entry.warnings,
      })),
    });
  });

  router.post('/ogc/collections/:layer/items/:id/history/:version/restore', async (request, response) => {
    const layer = layerOf(request);
    const id = parseId(String(request.params.id));
    const version = parseVersion(String(request.params.version));
    assertAllowed(request.principal, layer, 'update');
    const ifMatch = parseIfMatch(request.get('if-match'));
    const result = await inWriteTransaction(pool, request.principal, await writeOptions(request), (tx) => restoreVersion(tx, layer, id, version, ifMatch));
    sendFeature(request, response, registry, layer, result.feature, 200, result.warnings);
  });

  return router;
}

const layerParams = z.strictObject({ layer: z.string().describe('Layer id') });
const itemParams = z.strictObject({ layer: z.string(), id: z.string().regex(/^\d+$/) });
const versionParams = z.strictObject({ layer: z.string(), id: z.string().regex(/^\d+$/), version: z.string().regex(/^\d+$/) });
/** Documentation of the items query; the route checks it with parseItemsRequest, which also knows each layer's filters. */
const itemsQuery = z.looseObject({
  limit: z.string().optional().describe('Page size: FEATURES_DEFAULT_LIMIT when absent, lowered to FEATURES_MAX_LIMIT when above it'),
  bbox: z.string().optional().describe('west,south,east,north in CRS84'),
  'bbox-crs': z.string().optional(),
  datetime: z.string().optional().describe('Instant or interval on the last update time'),
  cursor: z.string().optional().describe('From a next link'),
  asOf: z.string().optional().describe('Read the layer as it was at this instant'),
  f: z.enum(['json', 'geojson']).optional(),
});
/** A GeoJSON Feature; its properties are checked against the layer registry (see /ogc/api for each layer). */
const featureBody = z.looseObject({ type: z.literal('Feature'), geometry: z.unknown(), properties: z.record(z.string(), z.unknown()) });
const writeProblems = { 400: 'Malformed JSON', 401: 'Sign in', 403: 'Not allowed', 404: 'No such feature', 413: 'Body too large', 415: 'Not JSON', 422: 'Invalid feature (issues with JSON pointers, fr/ar/en)' };
const locked = { 400: 'Malformed JSON or If-Match', 412: 'If-Match does not match the current ETag (returned), weak tags never do', 428: 'If-Match required' };

export const itemOperations: ApiOperation[] = [
  { method: 'get', path: '/ogc/collections/{layer}/items', tag: 'ogc', access: 'by-layer', params: layerParams, query: itemsQuery, responseType: GEOJSON, summary: 'Features of a layer, keyset-paged, with bbox, datetime, property filters and asOf', responses: { 200: 'FeatureCollection', 400: 'Bad parameter', 401: 'Sign in', 403: 'Not allowed', 404: 'Unknown layer', 503: 'Too many queries at once; retry after Retry-After seconds' } },
  { method: 'post', path: '/ogc/collections/{layer}/items', tag: 'ogc', access: 'by-layer', layerOperations: ['create'], params: layerParams, body: featureBody, responseType: GEOJSON, summary: 'Create a feature (201, Location, ETag; warnings returned)', responses: { 201: 'Created', ...writeProblems } },
  { method: 'get', path: '/ogc/collections/{layer}/items/{id}', tag: 'ogc', access: 'by-layer', params: itemParams, responseType: GEOJSON, summary: 'One feature with its strong ETag', responses: { 200: 'Feature', 404: 'No such feature' } },
  { method: 'put', path: '/ogc/collections/{layer}/items/{id}', tag: 'ogc', access: 'by-layer', layerOperations: ['update'], params: itemParams, body: featureBody, responseType: GEOJSON, summary: 'Replace a feature (If-Match)', responses: { 200: 'Replaced', ...writeProblems, ...locked } },
  { method: 'patch', path: '/ogc/collections/{layer}/items/{id}', tag: 'ogc', access: 'by-layer', layerOperations: ['update'], params: itemParams, body: z.looseObject({ geometry: z.unknown().optional(), properties: z.record(z.string(), z.unknown()).optional() }), responseType: GEOJSON, summary: 'Update a feature with a JSON Merge Patch (If-Match)', responses: { 200: 'Updated', ...writeProblems, ...locked } },
  { method: 'delete', path: '/ogc/collections/{layer}/items/{id}', tag: 'ogc', access: 'by-layer', layerOperations: ['delete'], params: itemParams, summary: 'Delete a feature (If-Match)', responses: { 204: 'Deleted', 401: 'Sign in', 403: 'Not allowed', 404: 'No such feature', 409: 'Other features depend on it', ...locked } },
  { method: 'get', path: '/ogc/collections/{layer}/items/{id}/history', tag: 'ogc', access: 'by-layer', params: itemParams, summary: 'Every version of a feature', responses: { 200: 'Versions', 404: 'No such feature' } },
  { method: 'post', path: '/ogc/collections/{layer}/items/{id}/history/{version}/restore', tag: 'ogc', access: 'by-layer', layerOperations: ['update'], params: versionParams, responseType: GEOJSON, summary: 'Make a past version current again, as a new version (also brings back a deleted feature)', responses: { 200: 'Restored', 404: 'No such version', 409: 'That version is a deletion', ...locked } },
];
