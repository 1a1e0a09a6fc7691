import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { canUseEndpoint, denial } from '../auth/policy.ts';
import type { Config } from '../config.ts';
import { featureEtag } from '../features/etag.ts';
import { applyChangeSet, changeSetSchema } from '../features/change-sets.ts';
import type { WriteAdmission } from '../features/feature-writer.ts';
import type { CommitObserver } from '../tiles/tile-invalidation.ts';
import { readChangeFeed } from '../features/change-feed.ts';
import { layerView } from '../auth/policy.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { parseRequest } from '../http/validation.ts';
import type { RegionService } from '../layers/region.ts';
import type { LayerRegistry } from '../layers/registry.ts';

const feedQuery = z.strictObject({
  since: z.string().regex(/^\d{1,18}$/, 'since must be a cursor from a previous response').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Atomic change sets (POST) and the change feed for polling modules (GET). */
export function createChangesRouter(deps: {
  pool: pg.Pool;
  registry: LayerRegistry;
  region: RegionService;
  config: Pick<Config, 'MAX_GEOMETRY_VERTICES'>;
  /** This process's tile service, told of each commit before the answer goes out. */
  commits: CommitObserver;
  /** Where write transactions wait for their turn. */
  writes: WriteAdmission;
}): Router {
  const router = Router();

  router.post('/api/changes', async (request, response) => {
    const changeSet = parseRequest(changeSetSchema, request.body, 'body');
    const region = await deps.region.current();
    const limits = { maxVertices: deps.config.MAX_GEOMETRY_VERTICES, region: region.bounds };
    const result = await applyChangeSet(deps.pool, deps.registry, request.principal, changeSet, limits, region.home, deps.commits, deps.writes);
    response.set('Cache-Control', 'no-store').json({
      changes: result.changes.map((change) => ({
        ...change,
        etag: change.op === 'delete' ? null : featureEtag(change.version, layerView(request.principal, deps.registry.find(change.layer)!, deps.registry)),
      })),
      ids: result.ids,
    });
  });

  router.get('/api/changes', async (request, response) => {
    if (!canUseEndpoint(request.principal, 'changes:read')) throw denial(request.principal, 'Not allowed to read the change feed');
    const query = parseRequest(feedQuery, request.query, 'query');
    const page = await readChangeFeed(deps.pool, deps.registry, request.principal, Number(query.since ?? 0), query.limit);
    response.set('Cache-Control', 'no-store').json(page);
  });

  return router;
}

export const changesOperations: ApiOperation[] = [
  {
    method: 'post', path: '/api/changes', tag: 'editing', access: 'by-layer', layerOperations: ['create', 'update', 'delete'], body: changeSetSchema,
    summary: 'Apply creates, replacements, merge-patch updates and deletes across layers, all or nothing',
    responses: { 200: 'Applied changes and the ids of created features', 400: 'Malformed', 403: 'Not allowed', 404: 'No such feature', 412: 'Stale If-Match (changeIndex)', 422: 'Invalid (issues under /changes/<n>)', 428: 'If-Match missing' },
  },
  { method: 'get', path: '/api/changes', tag: 'editing', access: 'api-key-or-staff', query: feedQuery, summary: 'Committed changes in commit order after a cursor', responses: { 200: 'Changes and the next cursor', 400: 'Bad cursor', 401: 'Credentials required', 403: 'Scope changes:read required' } },
];
