import { Router } from 'express';
import type { ReadRouting } from '../db/read-routing.ts';
import { z } from 'zod';
import type { AdmissionQueue } from '../http/admission-queue.ts';
import { requestSource } from '../auth/request-source.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { parseRequest } from '../http/validation.ts';
import type { RegionService } from '../layers/region.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { assertCanUse, assertInRegion } from '../query/query-parameters.ts';
import { runSearch } from '../search/run-search.ts';

/** A coordinate in degrees (EPSG:4326) in a query string; blank is malformed, not 0. */
const coordinate = (bound: number) =>
  z.string().trim().min(1, 'must be a number').pipe(z.coerce.number<string>({ error: 'must be a number' }).finite().min(-bound).max(bound));

export const searchQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1, 'q must hold 1 to 100 characters')
      .max(100, 'q must hold 1 to 100 characters')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'q must not hold control characters')
      .describe('What to look for, in French or Arabic: a name, part of a name, a stop or line code, a permit reference'),
    layers: z
      .string()
      .max(500)
      .regex(/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/, 'layers must be layer ids separated by commas')
      .describe('Comma-separated layer ids to search (admin_areas, road_segments, transit_stops, transit_routes, establishments, permits); default: all the caller may read')
      .optional(),
    lon: coordinate(180).describe('Longitude in degrees (EPSG:4326) to bias results toward; needs lat; inside the Casablanca region').optional(),
    lat: coordinate(90).describe('Latitude in degrees (EPSG:4326); needs lon').optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10).describe('Results to return, 1 to 50'),
  })
  .superRefine((query, context) => {
    if (query.lon !== undefined && query.lat === undefined) context.addIssue({ code: 'custom', path: ['lat'], message: 'lat is required with lon' });
    if (query.lat !== undefined && query.lon === undefined) context.addIssue({ code: 'custom', path: ['lon'], message: 'lon is required with lat' });
  });

/** GET /api/search: bilingual, typo-tolerant search of places, as the caller may see them. */
export function createSearchRouter(deps: { reads: ReadRouting; registry: LayerRegistry; queries: AdmissionQueue; region: RegionService }): Router {
  const router = Router();

  router.get('/api/search', async (request, response) => {
    assertCanUse(request.principal, 'search');
    const query = parseRequest(searchQuery, request.query, 'query');
    const position = query.lon !== undefined && query.lat !== undefined ? { lon: query.lon, lat: query.lat } : null;
    if (position) assertInRegion(await deps.region.current(), position.lon, position.lat);
    const results = await deps.queries.run(() => deps.reads.run(undefined, (pool) => runSearch(pool, deps.registry, request.principal, {
      q: query.q,
      layers: query.layers?.split(','),
      position,
      limit: query.limit,
    })), requestSource(request));
    response.set({ 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' }).json({ results });
  });

  return router;
}

export const searchOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/search',
    tag: 'search',
    access: 'by-layer',
    summary: 'Streets, areas, stops, lines, establishments and permit references matching a French or Arabic query',
    description:
      'Tolerant of accents, case, hyphens, apostrophes, typos and the usual Moroccan transliterations ("zerktouni", "Zerktoun" and "الزرقطوني" find Boulevard Zerktouni). ' +
      'Ranked exact > prefix > similar, by kind, and toward lon/lat when given. Only layers the caller may read; never personal data. API keys need the "search" scope.',
    query: searchQuery,
    responses: {
      200: 'Results, best first',
      400: 'Missing or malformed parameter, or unknown layer (the problem names it)',
      401: 'Credentials required (a layer named in layers is not public)',
      403: 'Not allowed (scope "search", or a layer named in layers)',
      422: 'Position outside the Casablanca region',
      503: 'Too many queries at once; retry after Retry-After seconds',
    },
  },
];
