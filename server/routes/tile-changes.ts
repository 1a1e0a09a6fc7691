import { Router } from 'express';
import { areaRestriction, readableLayers } from '../auth/policy.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { UnavailableError } from '../http/errors.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { TileService, TileServiceEvent } from '../tiles/tile-service.ts';

/**
 * GET /api/tile-changes: a Server-Sent Events stream that tells an open map, within a second of the commit,
 * which places of which layers have new tiles (the boxes an edit announced, once this server has dropped
 * its cached tiles there), so that every open map redraws an edit without reloading. `reset` asks for every
 * tile again (edits may have gone unheard while the server's change listener was reconnecting).
 *
 * A caller hears only the layers it may read, and not the layers it reads only in its assigned areas (a box
 * elsewhere would tell where something it may not see changed). The stream ends after `maxAgeSeconds`;
 * EventSource reconnects by itself, with the caller's credentials as they are then (a revoked session stops
 * hearing anything).
 */
export interface TileChangesDeps {
  tiles: TileService;
  registry: LayerRegistry;
  /** How long one stream lasts before the client reconnects (TILE_CHANGES_MAX_AGE_SECONDS). */
  maxAgeSeconds: number;
  /** Streams open at once on this server; past it, 503 with Retry-After (TILE_CHANGES_MAX_STREAMS). */
  maxStreams: number;
}

/** A comment line is sent this often so that proxies keep an idle stream open. */
const HEARTBEAT_SECONDS = 25;
/** What EventSource waits before reconnecting, in milliseconds (the SSE `retry` field). */
const RECONNECT_MS = 2000;

export function createTileChangesRouter(deps: TileChangesDeps): Router {
  const router = Router();
  let openStreams = 0;

  router.get('/api/tile-changes', (request, response) => {
    if (openStreams >= deps.maxStreams) throw new UnavailableError('Too many maps are listening right now; retry shortly', 5);
    const heard = new Set(
      readableLayers(deps.registry, request.principal)
        .filter((layer) => areaRestriction(request.principal, layer) === null)
        .map((layer) => layer.id),
    );
    openStreams += 1;
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps the compression middleware from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    response.write(`retry: ${RECONNECT_MS}\n: listening\n\n`);

    const send = (event: TileServiceEvent) => {
      if (event.kind === 'reset') response.write('event: reset\ndata: {}\n\n');
      else if (heard.has(event.change.layer)) response.write(`event: tiles\ndata: ${JSON.stringify(event.change)}\n\n`);
    };
    const unsubscribe = deps.tiles.subscribe(send);
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_SECONDS * 1000);
    const lifetime = setTimeout(() => response.end(), deps.maxAgeSeconds * 1000);
    heartbeat.unref();
    lifetime.unref();
    response.on('close', () => {
      openStreams -= 1;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(lifetime);
    });
  });

  return router;
}

export const tileChangesOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/tile-changes',
    tag: 'map',
    access: 'public',
    responseType: 'text/event-stream',
    summary: 'Server-Sent Events: the places whose tiles an edit changed (event "tiles": {layer, bboxes}), or "reset"',
    responses: { 200: 'An event stream, ended after a few minutes (EventSource reconnects)', 503: 'Too many streams; retry after Retry-After seconds' },
  },
];
