import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { PUBLIC_PRINCIPAL } from '../auth/principal.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { logFailure, serializeProblem, toProblem } from '../http/problem.ts';
import { carriesCredentials } from '../http/public-cors.ts';
import { requestIdFor } from '../http/request-id.ts';
import { securityHeaderPairs } from '../http/security-headers.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { RenderedTile } from '../tiles/tile-renderer.ts';
import type { TileCacheOutcome, TileService } from '../tiles/tile-service.ts';
import { createTileResolver, type ResolvedTileRequest } from '../tiles/tile-request.ts';
import { decideTileResponse, type TileCachePolicy } from '../tiles/tile-response.ts';

/** What the front door needs: the one tile service, the registry, the log and the public cache policy. */
export interface TileFrontDoorDeps extends TileCachePolicy {
  tiles: TileService;
  registry: LayerRegistry;
  logger: Logger;
}

/** The tile address exactly as clients build it: lower-case layer id, plain digits, any query ignored. */
const TILE_PATH = /^\/tiles\/([a-z][a-z0-9_]{0,62})\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt(?:\?|$)/;

/** A coding listed with q=0 is refused (RFC 9110 §12.5.3). */
const ZERO_QUALITY = /;\s*q\s*=\s*0(?:\.0{0,3})?\s*$/i;

/** Whether Accept-Encoding plainly offers gzip; anything subtler is left to Express's negotiation. */
function offersGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  for (const part of header.split(',')) {
    const coding = part.trim();
    if (coding.toLowerCase() === 'gzip' || /^gzip\s*;/i.test(coding)) return !ZERO_QUALITY.test(coding);
  }
  return false;
}

type RequestHead = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

/**
 * Decides, from the request line and headers alone, whether the front door serves a request: a public GET
 * or HEAD of a tile address, without credentials, accepting gzip, that the tile resolver accepts for the
 * public (the same resolver as the Express route). Anything else, errors included, is left to Express.
 */
export function tileRequestRecogniser(registry: LayerRegistry): (request: RequestHead) => ResolvedTileRequest | undefined {
  const resolve = createTileResolver(registry);
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const match = TILE_PATH.exec(request.url ?? '');
    // Credentials are only resolved by the Express stack.
    if (!match || carriesCredentials(request.headers, SESSION_COOKIE) || !offersGzip(request.headers['accept-encoding'])) return undefined;
    try {
      return resolve(PUBLIC_PRINCIPAL, match[1]!, match[2]!, match[3]!, match[4]!);
    } catch {
      return undefined;
    }
  };
}

/** Answers a public tile request and returns true, or returns false; with `mayRender` false, only from the cache. */
type FrontDoor = (request: IncomingMessage, response: ServerResponse, mayRender?: boolean) => boolean;

/**
 * The public map's tile requests, answered before Express sees them.
 *
 * A map view asks for dozens of tiles at every pan, most of them from the server's cache. Express's stack
 * (request id, log, helmet, compression, body parsers, authentication, a dozen routers) cost ten times
 * more than the cache lookup itself (measured: 2,800 cached tiles/s through Express, 28,000 responses/s
 * from bare node:http on the same machine). So the one request shape that dominates the traffic, a public
 * GET of a tile, is matched here. It is checked by the same resolver as the Express route (tiles/tile-request.ts)
 * and answered with what the same decision returns (tiles/tile-response.ts: status, ETag/304, Cache-Control,
 * CORS, Cache-Status, Vary, body), plus the security headers of the helmet configuration and the request id:
 * this file only adapts them to node:http.
 *
 * Everything else falls through to Express untouched (the function returns false): credentials (bearer or
 * session cookie), a client that does not accept gzip, unknown or non-public layers, bad coordinates, zooms
 * outside the layer, so every error is Express's. tests/integration/tile-front-door.test.ts compares the two.
 */
export function createTileFrontDoor(deps: TileFrontDoorDeps): FrontDoor {
  const recognise = tileRequestRecogniser(deps.registry);
  const security = securityHeaderPairs().flat();

  function send(request: IncomingMessage, response: ServerResponse, requestId: string, rendered: RenderedTile, outcome: TileCacheOutcome, started: number): void {
    const ask = { principal: PUBLIC_PRINCIPAL, ifNoneMatch: request.headers['if-none-match'], acceptsGzip: true };
    const answer = decideTileResponse(rendered, outcome, ask, deps);
    response.writeHead(answer.status, security.concat('X-Request-Id', requestId, answer.headers)).end(answer.gzipped);
    // Successful tiles are logged at debug: a map view asks for dozens of them per pan.
    if (deps.logger.isLevelEnabled('debug')) {
      deps.logger.debug({ requestId, method: request.method, url: request.url, status: answer.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'tile');
    }
  }

  function sendProblem(request: IncomingMessage, response: ServerResponse, requestId: string, error: unknown): void {
    const { problem, headers } = toProblem(error, { originalUrl: request.url ?? '', id: requestId });
    logFailure(deps.logger, error, problem.status, { requestId, url: request.url });
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const serialized = serializeProblem(problem, headers);
    response.writeHead(problem.status, serialized.headers.flat()).end(serialized.body);
  }

  async function renderAndSend(request: IncomingMessage, response: ServerResponse, requestId: string, { layer, view, tile }: ResolvedTileRequest, started: number): Promise<void> {
    try {
      const { tile: rendered, outcome } = await deps.tiles.getTile(layer, view, tile);
      send(request, response, requestId, rendered, outcome, started);
    } catch (error) {
      sendProblem(request, response, requestId, error);
    }
  }

  return (request, response, mayRender = true) => {
    const recognised = recognise(request);
    if (!recognised) return false;
    const started = performance.now();
    // A cached tile is answered in this very call, without a promise.
    const cached = deps.tiles.cachedTile(recognised.layer, recognised.view, recognised.tile);
    if (!cached && !mayRender) return false;
    const incomingId = request.headers['x-request-id'];
    const requestId = requestIdFor(typeof incomingId === 'string' ? incomingId : undefined);
    if (cached) send(request, response, requestId, cached, 'hit', started);
    else void renderAndSend(request, response, requestId, recognised, started);
    return true;
  };
}
