import { type Request, Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import type { ReadRouting } from '../db/read-routing.ts';
import type { AdmissionQueue } from '../http/admission-queue.ts';
import { requestSource } from '../auth/request-source.ts';
import { AppError, BadRequestError } from '../http/errors.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { parseRequest } from '../http/validation.ts';
import { isIsoDate } from '../layers/property-validation.ts';
import type { RegionService } from '../layers/region.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { findAlong } from '../query/along.ts';
import { locatePoint } from '../query/locate.ts';
import { findNearby } from '../query/nearby.ts';
import { assertCanUse, assertInRegion, latitude, layerParameter, longitude } from '../query/query-parameters.ts';
import { computeStats } from '../query/stats.ts';
import { decodeCursor, findWithin, resolveSearchArea } from '../query/within.ts';

const point = { lon: longitude, lat: latitude };
const layerId = z.string().min(1).max(64);
// Not z.iso.date(), which takes year 0000: PostgreSQL has no such date (the year before 1 is 1 BC).
const isoDate = z.string().refine(isIsoDate, 'must be a real date YYYY-MM-DD, from year 0001').describe('YYYY-MM-DD');

export const locateQuery = z.strictObject(point);
export const nearbyQuery = z.strictObject({
  ...point,
  layer: layerId,
  radius: z.coerce.number().finite().positive().max(5_000).default(500),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const withinBody = z
  .strictObject({
    geometry: z.unknown().optional(),
    areaId: z.number().int().min(1).optional(),
    layers: z.array(layerId).min(1).max(10),
    limit: z.number().int().min(1).max(1_000).default(100),
    cursor: z.string().max(64).optional(),
  })
  .refine((body) => (body.geometry === undefined) !== (body.areaId === undefined), { message: 'give either geometry or areaId', path: ['geometry'] });
export const alongQuery = z
  .strictObject({
    road: z.coerce.number().int().min(1).optional(),
    street: z.string().trim().min(1).max(200).optional().describe('A street name in French or Arabic, found as the search finds it (Bd, Av, Rte, typos); the answer says which street was chosen'),
    layer: layerId,
    distance: z.coerce.number().finite().positive().max(500).default(50),
    limit: z.coerce.number().int().min(1).max(1_000).default(200),
  })
  .refine((query) => (query.road === undefined) !== (query.street === undefined), { message: 'give either road or street', path: ['road'] });
export const statsQuery = z.looseObject({
  layer: layerId,
  by: z.enum(['arrondissement', 'prefecture']).default('arrondissement'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  today: isoDate.optional(),
  countBy: z.string().max(64).optional().describe('A filterable enum property: a count per value and area (permits by status)'),
});

/** What a statistics or along query costs of a source's rate budget: each takes hundreds of milliseconds. */
const EXPENSIVE_QUERY_COST = 5;

/**
 * Spatial questions for the city's other software; each checks its endpoint scope and the layer policy, then
 * waits for a slot of the query queue (shared with search and item lists) before it touches the database.
 */
export function createQueryRouter(deps: { reads: ReadRouting; registry: LayerRegistry; queries: AdmissionQueue; region: RegionService }): Router {
  const router = Router();
  const { registry, region } = deps;
  /** A query's turn in the queue, then its run on the replica or the primary (queries may read any layer). */
  const answer = <T>(request: Request, work: (pool: pg.Pool) => Promise<T>, cost?: number) =>
    deps.queries.run(() => deps.reads.run(undefined, work), requestSource(request), cost);
  const noStore = { 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' };

  router.get('/api/query/locate', async (request, response) => {
    assertCanUse(request.principal, 'query:locate');
    const query = parseRequest(locateQuery, request.query, 'query');
    assertInRegion(await region.current(), query.lon, query.lat);
    response.set(noStore).json(await answer(request, (pool) => locatePoint(pool, registry, request.principal, query.lon, query.lat)));
  });

  router.get('/api/query/nearby', async (request, response) => {
    assertCanUse(request.principal, 'query:nearby');
    const query = parseRequest(nearbyQuery, request.query, 'query');
    const layer = layerParameter(registry, request.principal, query.layer);
    assertInRegion(await region.current(), query.lon, query.lat);
    const features = await answer(request, (pool) => findNearby(pool, registry, layer, request.principal, query));
    response.set(noStore).json({ type: 'FeatureCollection', layer: layer.id, radiusM: query.radius, numberReturned: features.length, features });
  });

  router.post('/api/query/within', async (request, response) => {
    assertCanUse(request.principal, 'query:within');
    const body = parseRequest(withinBody, request.body, 'body');
    const layers = body.layers.map((id) => layerParameter(registry, request.principal, id, 'layers'));
    const cursor = body.cursor === undefined ? { layerIndex: 0, afterId: 0 } : decodeCursor(body.cursor);
    if (!cursor) throw new BadRequestError('invalid-body', 'cursor must come from a previous response');
    const page = await answer(request, async (pool) => {
      const area = await resolveSearchArea(pool, registry.areas, { geometry: body.geometry, ...(body.areaId ? { areaId: body.areaId } : {}) });
      return findWithin(pool, registry, request.principal, layers, area, { limit: body.limit, cursor });
    });
    response.set(noStore).json({ type: 'FeatureCollection', numberReturned: page.features.length, features: page.features, next: page.next });
  });

  router.get('/api/query/along', async (request, response) => {
    assertCanUse(request.principal, 'query:along');
    const query = parseRequest(alongQuery, request.query, 'query');
    const layer = layerParameter(registry, request.principal, query.layer);
    if (registry.streets) layerParameter(registry, request.principal, registry.streets.id, 'road');
    const road = query.road !== undefined ? { roadId: query.road } : { street: query.street! };
    const { street, features } = await answer(request, (pool) => findAlong(pool, registry, layer, request.principal, road, query), EXPENSIVE_QUERY_COST);
    response.set(noStore).json({ type: 'FeatureCollection', layer: layer.id, distanceM: query.distance, ...(street ? { street } : {}), numberReturned: features.length, features });
  });

  router.get('/api/query/stats', async (request, response) => {
    assertCanUse(request.principal, 'query:stats');
    const query = parseRequest(statsQuery, request.query, 'query');
    const layer = layerParameter(registry, request.principal, query.layer);
    const filterable = Object.entries(layer.properties).filter(([, property]) => property.filterable && property.type === 'enum');
    const known = new Set(['layer', 'by', 'from', 'to', 'today', 'countBy', ...filterable.map(([name]) => name)]);
    const unknown = Object.keys(request.query).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new BadRequestError('unknown-parameter', `Unknown parameter(s): ${unknown.join(', ')}`, { allowed: [...known] });
    const equals = filterable.flatMap(([name, property]) => {
      const value = request.query[name];
      if (value === undefined) return [];
      if (typeof value !== 'string' || !Object.hasOwn(property.values ?? {}, value)) {
        throw new BadRequestError('invalid-query', `${name} must be one of ${Object.keys(property.values ?? {}).join(', ')}`);
      }
      return [{ property, value }];
    });
    if ((query.from || query.to) && !layer.primaryDateProperty) throw new AppError(400, 'invalid-query', 'Bad request', `Layer ${layer.id} has no date to filter on`);
    const countByProperty = query.countBy === undefined ? undefined : filterable.find(([name]) => name === query.countBy)?.[1];
    if (query.countBy !== undefined && !countByProperty) {
      throw new BadRequestError('invalid-query', `countBy must be one of ${filterable.map(([name]) => name).join(', ')}`, { allowed: filterable.map(([name]) => name) });
    }
    const countBy = countByProperty ? { name: query.countBy!, property: countByProperty } : undefined;
    const areas = await answer(request, (pool) => computeStats(pool, registry, layer, request.principal, { by: query.by, equals, from: query.from, to: query.to, today: query.today, countBy }), EXPENSIVE_QUERY_COST);
    response.set(noStore).json({ layer: layer.id, by: query.by, dateProperty: layer.primaryDateProperty ?? null, areas });
  });

  return router;
}

const problems = {
  400: 'Malformed or missing parameter (the problem names it)', 401: 'Credentials required', 403: 'Not allowed', 429: 'Rate budget spent; retry after Retry-After seconds',
  422: 'Point or polygon outside what casa-sig can answer', 503: 'Too many queries at once; retry after Retry-After seconds',
};

export const queryOperations: ApiOperation[] = [
  { method: 'get', path: '/api/query/locate', tag: 'query', access: 'public', summary: 'Admin areas, nearest road and nearest stop of each mode for a point', query: locateQuery, responses: { 200: 'Location', ...problems } },
  { method: 'get', path: '/api/query/nearby', tag: 'query', access: 'by-layer', summary: 'Features of a layer by true distance from a point', query: nearbyQuery, responses: { 200: 'Features with distanceM', ...problems } },
  { method: 'post', path: '/api/query/within', tag: 'query', access: 'by-layer', summary: 'Features of layers inside a polygon or an admin area, paged', body: withinBody, responses: { 200: 'Features and next cursor', ...problems } },
  { method: 'get', path: '/api/query/along', tag: 'query', access: 'by-layer', summary: 'Features near a road segment or a named street (the street chosen is in the answer), with their position along it', query: alongQuery, responses: { 200: 'Features with along measures, and the street chosen', 404: 'No such road', ...problems } },
  { method: 'get', path: '/api/query/stats', tag: 'query', access: 'by-layer', summary: 'Counts per admin area (with inspection scores and permit age buckets)', query: statsQuery, responses: { 200: 'Statistics per area', ...problems } },
];
