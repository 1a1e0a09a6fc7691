import type { Principal } from '../auth/principal.ts';
import { PUBLIC_CORS_HEADERS } from '../http/public-cors.ts';
import type { RenderedTile } from './tile-renderer.ts';
import type { TileCacheOutcome } from './tile-service.ts';

/**
 * The one decision of what a tile answer is (status, headers, body), for every caller: the Express route
 * (routes/tiles.ts) and the public front door (routes/tile-front-door.ts) only write what this returns.
 */

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** A tile's bytes depend on the encoding asked for and on who asks. */
const TILE_VARY = 'Accept-Encoding, Authorization, Cookie';

export interface TileCachePolicy {
  /** Seconds a public tile may be reused without asking (then revalidated with its ETag). */
  publicMaxAgeSeconds: number;
  publicStaleSeconds: number;
}

/**
 * Public tiles may sit in shared caches (a CDN); tiles that depend on who asks are private and must be
 * revalidated, so a staff tile never lands where the public could be served it.
 */
export function tileCacheControl(principal: Principal, policy: TileCachePolicy): string {
  return principal.kind === 'public'
    ? `public, max-age=${policy.publicMaxAgeSeconds}, stale-while-revalidate=${policy.publicStaleSeconds}`
    : 'private, no-cache';
}

/** RFC 9211 Cache-Status of the server's own tile cache, for operators and benchmarks. */
const CACHE_STATUS: Readonly<Record<TileCacheOutcome, string>> = {
  hit: 'casa-sig; hit',
  stored: 'casa-sig; fwd=miss; stored',
  'not-stored': 'casa-sig; fwd=miss',
  collapsed: 'casa-sig; fwd=miss; collapsed',
};

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** What a tile request says about the answer it wants. */
export interface TileAsk {
  principal: Principal;
  ifNoneMatch: string | undefined;
  /** Whether the client accepts gzip (else the body is sent unpacked). */
  acceptsGzip: boolean;
}

/** A decided tile answer: `headers` as flat name/value pairs (what ServerResponse.writeHead takes). */
export interface TileResponse {
  status: 200 | 204 | 304;
  headers: string[];
  /** The gzipped MVT for a 200, undefined otherwise. */
  gzipped: Buffer | undefined;
  /** For a 200: whether the body goes out as is (gzip) or must be unpacked first (a client without gzip). */
  encoding: 'gzip' | 'identity';
}

/**
 * 304 when the client's copy is current, 204 for an empty tile, else 200 with the MVT; ETag, Cache-Control
 * (public or private by principal), Cache-Status and Vary on every one of them, and for the public the
 * CORS headers that let a page on any origin read the tile (never for an answer given to credentials).
 */
export function decideTileResponse(rendered: RenderedTile, outcome: TileCacheOutcome, ask: TileAsk, policy: TileCachePolicy): TileResponse {
  const headers = ['ETag', rendered.etag, 'Cache-Control', tileCacheControl(ask.principal, policy), 'Cache-Status', CACHE_STATUS[outcome], 'Vary', TILE_VARY];
  if (ask.principal.kind === 'public') headers.push(...Object.entries(PUBLIC_CORS_HEADERS).flat());
  const encoding = ask.acceptsGzip ? 'gzip' : 'identity';
  if (matchesIfNoneMatch(ask.ifNoneMatch, rendered.etag)) return { status: 304, headers, gzipped: undefined, encoding };
  if (rendered.size === 0) return { status: 204, headers, gzipped: undefined, encoding };
  headers.push('Content-Type', MVT_CONTENT_TYPE);
  if (ask.acceptsGzip) headers.push('Content-Encoding', 'gzip', 'Content-Length', String(rendered.gzipped.length));
  return { status: 200, headers, gzipped: rendered.gzipped, encoding };
}
