import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { createAnonymousWriteGate } from './auth/anonymous-writes.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { SessionCache } from './auth/session-cache.ts';
import type { Clock } from './auth/denial-audit.ts';
import { createRefusalAudit } from './auth/refusal-audit.ts';
import type { Config } from './config.ts';
import { AdmissionQueue } from './http/admission-queue.ts';
import { SourceRateLimiter } from './http/source-rate-limiter.ts';
import { createProblemHandler, notFoundHandler } from './http/problem.ts';
import { createIdempotency } from './http/idempotency.ts';
import { LoadShedder } from './http/load-shedder.ts';
import { closeWithPool } from './db/notification-listener.ts';
import { createPublicCors } from './http/public-cors.ts';
import { assignRequestId } from './http/request-id.ts';
import { requireJsonBodies } from './http/require-json.ts';
import { rejectUnacceptableJson, rejectUndecodableUrls } from './http/request-text.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createRequestLogger } from './http/request-log.ts';
import { RegionService, regionSettingsOf } from './layers/region.ts';
import type { LayerRegistry } from './layers/registry.ts';
import { createAdminRouter } from './routes/admin.ts';
import { createApiDocsRouter } from './routes/api-docs.ts';
import { createArchiveRouter } from './routes/archives.ts';
import { ALL_OPERATIONS } from './routes/operations.ts';
import { createAuthRouter } from './routes/auth.ts';
import { createChangesRouter } from './routes/changes.ts';
import { createItemsRouter } from './routes/ogc-items.ts';
import { createOgcRouter } from './routes/ogc.ts';
import { createQueryRouter } from './routes/query.ts';
import { createSearchRouter } from './routes/search.ts';
import { createHealthRouter } from './routes/health.ts';
import { createLayersRouter } from './routes/layers.ts';
import { createMobilityRouter } from './routes/mobility.ts';
import { TimetableService } from './mobility/timetable-service.ts';
import { createTileFrontDoor } from './routes/tile-front-door.ts';
import { createTileChangesRouter } from './routes/tile-changes.ts';
import type { TileCachePolicy } from './tiles/tile-response.ts';
import { createTileRouter } from './routes/tiles.ts';
import { createWebhooksRouter } from './routes/webhooks.ts';
import { createTileService, type TileConfigKey } from './tiles/create-tile-service.ts';
import type { TileService } from './tiles/tile-service.ts';

export interface AppDeps {
  /** The primary: every write, sessions, and reads when there is no replica or it cannot answer. */
  pool: pg.Pool;
  /** A pool on a streaming replica (DATABASE_REPLICA_URL) for read-only work, if there is one. */
  replicaPool?: pg.Pool | undefined;
  registry: LayerRegistry;
  logger: Logger;
  /** Time for the denial audit's windows (the system clock unless a test moves one by hand). */
  clock?: Clock;
  config: Pick<
    Config,
    | 'CLIENT_DIST_DIR'
    | 'TILE_ARCHIVE_DIR'
    | 'SESSION_TTL_SECONDS'
    | 'SESSION_CACHE_SECONDS'
    | 'TRUST_PROXY'
    | 'LOGIN_ATTEMPTS_PER_USERNAME'
    | 'LOGIN_ATTEMPTS_PER_ADDRESS'
    | 'LOGIN_WINDOW_SECONDS'
    | 'DENIAL_AUDIT_WINDOW_SECONDS'
    | 'QUERY_CONCURRENCY_MAX'
    | 'QUERY_QUEUE_MAX'
    | 'QUERY_RATE_PER_MINUTE'
    | 'QUERY_RATE_BURST'
    | 'FEATURES_DEFAULT_LIMIT'
    | 'FEATURES_MAX_LIMIT'
    | 'MAX_BODY_BYTES'
    | 'MAX_GEOMETRY_VERTICES'
    | 'WEBHOOK_ALLOWED_NETWORKS'
    | 'REGION_MARGIN_KM'
    | 'REGION_BOUNDS'
    | 'HOME_BOUNDS'
    | 'TILE_CHANGES_MAX_STREAMS'
    | 'TILE_CHANGES_MAX_AGE_SECONDS'
    | 'SHED_EVENT_LOOP_DELAY_MS'
    | 'DB_POOL_MAX'
    | TileConfigKey
  >;
}

/** TRUST_PROXY as Express reads it: a boolean, a hop count, or a list of addresses. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Edits waiting for their turn at most: a city's editors never have that many in flight. */
const WRITE_QUEUE_MAX = 64;

/** Sessions one process remembers at most (a few hundred bytes each). */
const SESSION_CACHE_MAX_ENTRIES = 10_000;

/** The region the data spans, read from the database (layers/region.ts) with the settings' overrides. */
function regionService(deps: AppDeps): RegionService {
  return new RegionService(deps.pool, deps.registry, regionSettingsOf(deps.config));
}

function serveClient(app: Express, clientDistDir: string): void {
  if (!existsSync(join(clientDistDir, 'index.html'))) return;
  // Vite names assets by content hash, so they never change under the same URL.
  app.use('/assets', express.static(join(clientDistDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(clientDistDir, { index: false, maxAge: 0 }));
  app.get(/^\/(?!api\/|tiles\/|ogc\/|healthz$|readyz$).*/, (_request, response) => {
    response.set('Cache-Control', 'no-cache').sendFile(join(clientDistDir, 'index.html'));
  });
}

/**
 * The server's request handler: the public tile front door first (routes/tile-front-door.ts), Express for
 * everything else. Both serve tiles from one tile service, hence one cache.
 */
export function createRequestListener(deps: AppDeps, { shedder = createLoadShedder(deps) }: { shedder?: LoadShedder } = {}): RequestListener {
  // The tile service closes its own connections when deps.pool is ended.
  const tiles = createTileService(deps, deps.config);
  const app = createApp(deps, tiles);
  const frontDoor = createTileFrontDoor({ tiles, registry: deps.registry, logger: deps.logger, ...tileCachePolicy(deps.config) });
  return (request, response) => {
    // While shedding, a cached public tile is still served (cheaper than a refusal); other reads are refused.
    const isRefused = shedder.refuses(request);
    if (frontDoor(request, response, !isRefused)) return;
    if (isRefused) shedder.refuse(request, response);
    else app(request, response);
  };
}

/** The process's load shedder (http/load-shedder.ts), logging when it starts and stops, closed with the pool. */
function createLoadShedder(deps: AppDeps): LoadShedder {
  const shedder = new LoadShedder({
    maxDelayMs: deps.config.SHED_EVENT_LOOP_DELAY_MS,
    onChange: ({ isShedding, delayMs, refused }) => {
      if (isShedding) deps.logger.warn({ delayMs: Math.round(delayMs) }, 'shedding load: the event loop is late, reads get 503 until it catches up');
      else deps.logger.warn({ delayMs: Math.round(delayMs), refused }, 'stopped shedding load');
    },
  });
  closeWithPool(deps.pool, async () => shedder.close());
  return shedder;
}

function tileCachePolicy(config: AppDeps['config']): TileCachePolicy {
  return { publicMaxAgeSeconds: config.TILE_PUBLIC_MAX_AGE_SECONDS, publicStaleSeconds: config.TILE_PUBLIC_STALE_SECONDS };
}

/** Builds the Express app without listening (tests drive it in-process; the server uses createRequestListener). */
export function createApp(deps: AppDeps, tiles: TileService = createTileService(deps, deps.config)): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy, X-Forwarded-Proto makes request.secure true, hence Secure cookies.
  app.set('trust proxy', trustProxySetting(deps.config.TRUST_PROXY));
  app.use(assignRequestId);
  app.use(createRequestLogger(deps.logger));
  app.use(securityHeaders);
  app.use(rejectUndecodableUrls);
  app.use(compression());
  app.use(createHealthRouter(deps.pool, tiles.reads));
  app.use(createApiDocsRouter(() => ALL_OPERATIONS));
  const sessions = new SessionCache(deps.pool, { ttlSeconds: deps.config.SESSION_CACHE_SECONDS, maxEntries: SESSION_CACHE_MAX_ENTRIES }, (error) =>
    deps.logger.warn({ err: error }, 'session change listener: connection lost, reconnecting'));
  app.use(createAuthenticator(deps.pool, sessions));
  app.use(createPublicCors(ALL_OPERATIONS));
  app.use(createAnonymousWriteGate(ALL_OPERATIONS, deps.registry));
  app.use(requireJsonBodies);
  app.use(express.json({ limit: deps.config.MAX_BODY_BYTES, type: ['application/json', 'application/geo+json', 'application/merge-patch+json'] }));
  app.use(rejectUnacceptableJson);
  // A create sent again with the same Idempotency-Key gets the first answer and writes nothing.
  app.use(createIdempotency(deps.pool, deps.logger));

  app.use(
    createAuthRouter({
      pool: deps.pool,
      sessions,
      registry: deps.registry,
      sessionTtlSeconds: deps.config.SESSION_TTL_SECONDS,
      loginAttemptsPerUsername: deps.config.LOGIN_ATTEMPTS_PER_USERNAME,
      loginAttemptsPerAddress: deps.config.LOGIN_ATTEMPTS_PER_ADDRESS,
      loginWindowSeconds: deps.config.LOGIN_WINDOW_SECONDS,
    }),
  );
  app.use(createAdminRouter({ pool: deps.pool, registry: deps.registry, sessions }));
  app.use(createWebhooksRouter({ pool: deps.pool, registry: deps.registry, config: deps.config }));
  const region = regionService(deps);
  app.use(createLayersRouter(deps.registry, region));
  app.use(createOgcRouter(deps.registry, region, { defaultLimit: deps.config.FEATURES_DEFAULT_LIMIT, maxLimit: deps.config.FEATURES_MAX_LIMIT }));
  // One queue for the spatial queries, the search and item lists, below the pool's size: the city's other
  // software can ask as much as it likes without taking the connections that edits and sign-ins need.
  // Fair between sources (auth/request-source.ts): one key or address never holds every slot nor more than
  // a quarter of the queue, a freed slot goes to the source that has had the fewest, and each source has a
  // budget over time.
  const queries = new AdmissionQueue({
    concurrency: deps.config.QUERY_CONCURRENCY_MAX,
    maxQueued: deps.config.QUERY_QUEUE_MAX,
    maxActivePerSource: deps.config.QUERY_CONCURRENCY_MAX - 1,
    maxQueuedPerSource: Math.ceil(deps.config.QUERY_QUEUE_MAX / 4),
    limiter: new SourceRateLimiter({ perMinute: deps.config.QUERY_RATE_PER_MINUTE, burst: deps.config.QUERY_RATE_BURST }),
    retryAfterSeconds: 2,
    busyDetail: 'Too many queries are running right now; retry shortly',
  });
  // Edits: a few at once (they serialise on the history lock anyway), so that a burst of them never holds
  // the connections that item reads and sign-ins need; past the queue, 503 with Retry-After.
  const writes = new AdmissionQueue({
    concurrency: Math.max(1, Math.floor((deps.config.DB_POOL_MAX - deps.config.QUERY_CONCURRENCY_MAX) / 2)),
    maxQueued: WRITE_QUEUE_MAX,
    retryAfterSeconds: 2,
    busyDetail: 'Too many edits are being saved right now; retry shortly',
  });
  app.use(createItemsRouter({ pool: deps.pool, registry: deps.registry, config: deps.config, queries, region, reads: tiles.reads, commits: tiles, writes }));
  app.use(createChangesRouter({ pool: deps.pool, registry: deps.registry, config: deps.config, region, commits: tiles, writes }));
  app.use(createQueryRouter({ reads: tiles.reads, registry: deps.registry, queries, region }));
  app.use(createSearchRouter({ reads: tiles.reads, registry: deps.registry, queries, region }));
  app.use(createTileRouter({ tiles, registry: deps.registry, region, ...tileCachePolicy(deps.config) }));
  app.use(
    createTileChangesRouter({ tiles, registry: deps.registry, maxStreams: deps.config.TILE_CHANGES_MAX_STREAMS, maxAgeSeconds: deps.config.TILE_CHANGES_MAX_AGE_SECONDS }),
  );
  app.use(createArchiveRouter(deps.config.TILE_ARCHIVE_DIR));
  app.use(createMobilityRouter(new TimetableService(deps.pool, deps.registry, (error) => deps.logger.warn({ err: error }, 'timetable rebuild failed')), region));
  serveClient(app, deps.config.CLIENT_DIST_DIR);

  app.use(notFoundHandler);
  const refusals = createRefusalAudit({ pool: deps.pool, windowSeconds: deps.config.DENIAL_AUDIT_WINDOW_SECONDS, logger: deps.logger, ...(deps.clock ? { clock: deps.clock } : {}) });
  app.use(createProblemHandler(deps.logger, refusals));
  return app;
}
