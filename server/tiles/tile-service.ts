import pg from 'pg';
import type { LayerView } from '../auth/policy.ts';
import { closeWithPool, connectionOf } from '../db/notification-listener.ts';
import { connectionTimeouts, SERVING_SESSION_OPTIONS, survivesLostConnections } from '../db/pool.ts';
import { ReadRouting } from '../db/read-routing.ts';
import type { WalPosition } from '../db/wal-position.ts';
import { AdmissionQueue } from '../http/admission-queue.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { isInRange, TileCache, type TileCacheKey, tileCacheKeyString } from './tile-cache.ts';
import { TileChangeListener } from './tile-change-listener.ts';
import { type TileCoordinates, tileRangeForBbox } from './tile-coordinates.ts';
import type { TileChange } from './tile-invalidation.ts';
import { type RenderedTile, renderTile } from './tile-renderer.ts';

export interface TileServiceSettings {
  /** Byte budget of the in-memory tile cache; 0 turns caching off (every request renders). */
  cacheMaxBytes: number;
  /** Connections of the tile pool, which is also how many tiles render at once. */
  poolSize: number;
  /** Tile statements are cancelled past this (the tile is then a 503 with Retry-After). */
  statementTimeoutMs: number;
  /** Renders allowed to wait for a connection; past it, 503 with Retry-After. */
  queueMax: number;
  retryAfterSeconds: number;
  /** Named prepared statements for tile queries. */
  isPrepared: boolean;
}

/**
 * What subscribers of the tile service hear: a change that dropped cached tiles (the same layer and boxes
 * the edit announced), or `reset` when everything was forgotten (the change listener lost its connection, so
 * edits may have gone unheard).
 */
export type TileServiceEvent = { kind: 'change'; change: TileChange } | { kind: 'reset' };

/** How a tile was obtained, for the Cache-Status response header (RFC 9211). */
export type TileCacheOutcome = 'hit' | 'stored' | 'not-stored' | 'collapsed';

interface InFlight {
  key: TileCacheKey;
  promise: Promise<RenderedTile>;
  /** Cleared when an edit touches the tile while it renders: its result is then served but not cached. */
  isFresh: boolean;
}

/**
 * Tiles as the server hands them out: from the cache when it holds them, otherwise rendered on the tile pool
 * through the bounded render queue, with concurrent requests for the same tile sharing one render. Edits
 * announced on the tile-changes channel drop the tiles they touch, on every instance.
 *
 * With a read replica, a tile renders there when `reads` says the replica has replayed every change
 * announced to its layer (else on the primary), so that no tile older than an edit already heard of is
 * served or cached; the listener feeds `reads` what it hears.
 *
 * Its connections live as long as the server's pool: when that pool is ended, this closes itself too.
 */
export class TileService {
  readonly cache: TileCache;
  /** Where reads go (primary or replica); fed by this service's tile-changes listener. */
  readonly reads: ReadRouting;
  readonly #registry: LayerRegistry;
  readonly #settings: TileServiceSettings;
  readonly #pool: pg.Pool;
  readonly #replicaPool: pg.Pool | undefined;
  readonly #queue: AdmissionQueue;
  readonly #listener: TileChangeListener;
  readonly #inFlight = new Map<string, InFlight>();
  readonly #stopOwnerWatch: () => void;
  readonly #subscribers = new Set<(event: TileServiceEvent) => void>();
  #isClosed = false;

  constructor(
    serverPool: pg.Pool,
    registry: LayerRegistry,
    settings: TileServiceSettings,
    onError: (error: Error) => void = () => undefined,
    reads: ReadRouting = new ReadRouting({ primary: serverPool }),
  ) {
    this.#registry = registry;
    this.#settings = settings;
    this.reads = reads;
    this.cache = new TileCache(settings.cacheMaxBytes);
    this.#pool = createTilePool(serverPool, settings);
    this.#replicaPool = reads.replica ? createTilePool(reads.replica, settings) : undefined;
    this.#queue = new AdmissionQueue({
      concurrency: settings.poolSize,
      maxQueued: settings.queueMax,
      retryAfterSeconds: settings.retryAfterSeconds,
      busyDetail: 'Too many tiles are being drawn right now; retry shortly',
    });
    this.#listener = new TileChangeListener({
      connection: connectionOf(serverPool),
      onChange: (change) => {
        if (!this.invalidate(change)) return;
        this.reads.changed([change.layer], change.commit);
      },
      onPosition: (commit, position) => this.reads.positioned(commit, position),
      onStateChange: (state) => {
        this.#forgetEverything();
        this.reads.listening(state === 'listening');
      },
      onError,
    });
    this.#stopOwnerWatch = closeWithPool(serverPool, () => this.close());
    // Reads wait for the listener before they use the replica: start it now rather than at the first tile.
    if (this.#replicaPool) this.#listener.start();
  }

  /** Whether edits made elsewhere are being heard, which caching depends on. */
  get isListening(): boolean {
    return this.#listener.state === 'listening';
  }

  /** The tile from the cache, if it holds it: synchronous, for callers that can answer at once. */
  cachedTile(layer: LayerDefinition, view: LayerView, tile: TileCoordinates): RenderedTile | undefined {
    return this.#cached(cacheKeyOf(layer, view, tile));
  }

  /** The tile as this view sees it, and how it was obtained. */
  async getTile(layer: LayerDefinition, view: LayerView, tile: TileCoordinates): Promise<{ tile: RenderedTile; outcome: TileCacheOutcome }> {
    const key = cacheKeyOf(layer, view, tile);
    const cached = this.#cached(key);
    if (cached) return { tile: cached, outcome: 'hit' };
    const id = tileCacheKeyString(key);
    const pending = this.#inFlight.get(id);
    if (pending) return { tile: await pending.promise, outcome: 'collapsed' };

    const promise = this.#queue.run(() => this.#render(layer, view, tile));
    const flight: InFlight = { key, promise, isFresh: this.isListening && this.cache.isEnabled };
    this.#inFlight.set(id, flight);
    try {
      const rendered = await flight.promise;
      const isStored = flight.isFresh && this.isListening;
      if (isStored) this.cache.set(key, rendered);
      return { tile: rendered, outcome: isStored ? 'stored' : 'not-stored' };
    } finally {
      if (this.#inFlight.get(id) === flight) this.#inFlight.delete(id);
    }
  }

  /**
   * Renders where `reads` says, deciding only now that the render has its connection's turn: the replica's
   * replay position it compares with was read before, hence is included in the snapshot the query takes.
   */
  async #render(layer: LayerDefinition, view: LayerView, tile: TileCoordinates): Promise<RenderedTile> {
    const options = { isPrepared: this.#settings.isPrepared };
    return this.reads.run([layer.id], (pool) => renderTile(pool === this.reads.replica ? this.#replicaPool! : this.#pool, layer, view, tile, options));
  }

  /**
   * A writer of this process has committed these changes (`position`: the WAL position after its commit,
   * when it could be read): they are dropped from this cache and required of the replica before the
   * response goes out, so the writer's next read sees its edit even before the listener hears of it.
   */
  committed(changes: readonly TileChange[], position: WalPosition | undefined): void {
    // Dropped here without telling subscribers: the listener hears the same change from PostgreSQL in every
    // process, this one included, and tells them once then.
    const layers = changes.filter((change) => this.#drop(change)).map((change) => change.layer);
    if (position === undefined) this.reads.changed(layers);
    else this.reads.committedHere(layers, position);
  }

  /** A cache lookup; the first one starts the change listener, which caching depends on. */
  #cached(key: TileCacheKey): RenderedTile | undefined {
    this.#listener.start();
    return this.cache.get(key);
  }

  /**
   * Calls the listener after each change has dropped the tiles it touched (so a tile asked for from then on
   * is drawn anew), and after the cache was emptied. Starts the change listener. Returns the unsubscribe.
   */
  subscribe(listener: (event: TileServiceEvent) => void): () => void {
    this.#listener.start();
    this.#subscribers.add(listener);
    return () => {
      this.#subscribers.delete(listener);
    };
  }

  /**
   * Drops the cached and rendering tiles of the layer that the change can have altered, then tells the
   * subscribers; false for an unknown layer.
   */
  invalidate(change: TileChange): boolean {
    if (!this.#drop(change)) return false;
    this.#tell({ kind: 'change', change });
    return true;
  }

  #drop(change: TileChange): boolean {
    const layer = this.#registry.find(change.layer);
    if (!layer) return false;
    const margin = layer.tiles.buffer / layer.tiles.extent;
    this.cache.invalidate(layer.id, change.bboxes, margin);
    for (const [id, flight] of this.#inFlight) {
      if (flight.key.layer !== layer.id) continue;
      const isTouched = change.bboxes.some((bbox) => isInRange(tileRangeForBbox(bbox, flight.key.z, margin), flight.key.x, flight.key.y));
      if (!isTouched) continue;
      // Requests from now on render again; those already waiting get the result, which is not cached.
      flight.isFresh = false;
      this.#inFlight.delete(id);
    }
    return true;
  }

  async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.#stopOwnerWatch();
    this.#forgetEverything();
    await this.#listener.close();
    await this.#pool.end().catch(() => undefined);
    await this.#replicaPool?.end().catch(() => undefined);
  }

  #forgetEverything(): void {
    this.cache.clear();
    for (const flight of this.#inFlight.values()) flight.isFresh = false;
    this.#inFlight.clear();
    this.#tell({ kind: 'reset' });
  }

  #tell(event: TileServiceEvent): void {
    for (const subscriber of [...this.#subscribers]) subscriber(event);
  }
}

/** The cache entry of a tile as one visibility class sees it (public and staff never share one). */
function cacheKeyOf(layer: LayerDefinition, view: LayerView, tile: TileCoordinates): TileCacheKey {
  return { layer: layer.id, ...tile, visibilityClass: view.visibilityClass };
}

/**
 * Session settings of tile connections, measured on the benchmark dataset:
 * - no parallel workers, as on every serving connection (db/pool.ts); for tiles PostGIS's high function
 *   costs also made the planner choose parallel sequential scans
 *   even for small z16 tiles (the 198 z16 tiles of the list took 2.3 s with parallel workers, 0.25 s
 *   without), and parallel aggregation makes the order of features, hence the bytes and the ETag of a
 *   tile, vary from one render to the next;
 * - random_page_cost 1.1 (default 4, a spinning disk's): a tile reads a few per cent of a table whose
 *   pages are in memory, yet EXPLAIN (ANALYZE, BUFFERS) showed the dense z14 road tiles read by a
 *   sequential scan of all 150,000 rows (37 of the 51 ms of the heaviest); with index scans the 63 z14
 *   tiles of the list take 2.5 times less PostgreSQL time, z16 tiles are unchanged.
 */
export const TILE_SESSION_OPTIONS = `${SERVING_SESSION_OPTIONS} -c random_page_cost=1.1`;

/**
 * The pool tiles render on: same database as the server's pool, its own size and statement timeout, so tiles
 * never take the connections that edits and queries need. The tile archive (tile-archive.ts) draws on one too.
 */
export function createTilePool(serverPool: pg.Pool, settings: Pick<TileServiceSettings, 'poolSize' | 'statementTimeoutMs'>): pg.Pool {
  const pool = new pg.Pool({
    ...connectionOf(serverPool),
    max: settings.poolSize,
    ...connectionTimeouts(settings.statementTimeoutMs),
    application_name: 'casa-sig-tiles',
    options: TILE_SESSION_OPTIONS,
    allowExitOnIdle: true,
  });
  return survivesLostConnections(pool);
}
