import type { Principal } from '../auth/principal.ts';
import type { RenderedTile } from '../tiles/tile-renderer.ts';
import type { TileCacheOutcome } from '../tiles/tile-service.ts';

/** What the two ways of serving a tile (the Express route and the front door) share, so they answer alike. */

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** A tile's bytes depend on the encoding asked for and on who asks. */
export const TILE_VARY = 'Accept-Encoding, Authorization, Cookie';

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
export const CACHE_STATUS: Readonly<Record<TileCacheOutcome, string>> = {
  hit: 'casa-sig; hit',
  stored: 'casa-sig; fwd=miss; stored',
  'not-stored': 'casa-sig; fwd=miss',
  collapsed: 'casa-sig; fwd=miss; collapsed',
};

/** The status of a tile answer: 304 when the client's copy is current, 204 for an empty tile, else 200. */
export function tileStatus(rendered: RenderedTile, ifNoneMatch: string | undefined): 200 | 204 | 304 {
  if (matchesIfNoneMatch(ifNoneMatch, rendered.etag)) return 304;
  return rendered.size === 0 ? 204 : 200;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
