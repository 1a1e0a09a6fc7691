import { describe, expect, it } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, TileCache, type TileCacheKey } from './tile-cache.ts';
import { tileForLonLat } from './tile-coordinates.ts';
import type { RenderedTile } from './tile-renderer.ts';

const tileOf = (bytes: number, etag = '"e"'): RenderedTile => ({ gzipped: Buffer.alloc(bytes), size: bytes * 3, etag });
const key = (z: number, x: number, y: number, visibilityClass = 'public', layer = 'road_segments'): TileCacheKey => ({ layer, z, x, y, visibilityClass });
/** Place Mohammed V, and a box of a few metres around it. */
const PLACE: [number, number] = [-7.6186, 33.5928];
const AROUND_PLACE: [number, number, number, number] = [PLACE[0] - 0.0001, PLACE[1] - 0.0001, PLACE[0] + 0.0001, PLACE[1] + 0.0001];

describe('TileCache', () => {
  it('returns what it stored, per visibility class', () => {
    const cache = new TileCache(1_000_000);
    const publicTile = tileOf(10, '"public"');
    const staffTile = tileOf(10, '"staff"');
    cache.set(key(14, 1, 2), publicTile);
    cache.set(key(14, 1, 2, 'staff+personal'), staffTile);
    expect(cache.get(key(14, 1, 2))).toBe(publicTile);
    expect(cache.get(key(14, 1, 2, 'staff+personal'))).toBe(staffTile);
    expect(cache.get(key(14, 1, 2, 'staff'))).toBeUndefined();
    expect(cache.get(key(14, 1, 2, 'public', 'permits'))).toBeUndefined();
  });

  it('charges compressed bytes plus the entry overhead and evicts the least recently used past the budget', () => {
    const entry = 1000 + ENTRY_OVERHEAD_BYTES;
    const cache = new TileCache(3 * entry);
    for (const x of [1, 2, 3]) cache.set(key(16, x, 0), tileOf(1000));
    expect(cache.bytes).toBe(3 * entry);
    cache.get(key(16, 1, 0));
    cache.set(key(16, 4, 0), tileOf(1000));
    expect(cache.get(key(16, 2, 0))).toBeUndefined();
    expect([1, 3, 4].map((x) => cache.get(key(16, x, 0)) !== undefined)).toEqual([true, true, true]);
    expect(cache.bytes).toBe(3 * entry);
    expect(cache.size).toBe(3);
  });

  it('replaces an entry without counting it twice, and keeps nothing larger than the budget', () => {
    const cache = new TileCache(10_000);
    cache.set(key(16, 1, 0), tileOf(1000));
    cache.set(key(16, 1, 0), tileOf(2000));
    expect(cache.bytes).toBe(2000 + ENTRY_OVERHEAD_BYTES);
    cache.set(key(16, 2, 0), tileOf(20_000));
    expect(cache.get(key(16, 2, 0))).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('stores nothing with a budget of 0', () => {
    const cache = new TileCache(0);
    cache.set(key(16, 1, 0), tileOf(0));
    expect(cache.size).toBe(0);
    expect(cache.isEnabled).toBe(false);
  });

  it('drops every tile the change touches, at every zoom and for every class, and keeps the others', () => {
    const cache = new TileCache(10_000_000);
    const touched = [10, 14, 18, 22].map((z) => tileForLonLat(PLACE[0], PLACE[1], z));
    for (const tile of touched) {
      cache.set(key(tile.z, tile.x, tile.y), tileOf(10));
      cache.set(key(tile.z, tile.x, tile.y, 'staff+personal'), tileOf(10));
    }
    const elsewhere = tileForLonLat(PLACE[0] + 0.05, PLACE[1], 16);
    cache.set(key(16, elsewhere.x, elsewhere.y), tileOf(10));
    const otherLayer = tileForLonLat(PLACE[0], PLACE[1], 16);
    cache.set(key(16, otherLayer.x, otherLayer.y, 'public', 'permits'), tileOf(10));

    expect(cache.invalidate('road_segments', [AROUND_PLACE], 64 / 4096)).toBe(8);
    expect(cache.size).toBe(2);
    expect(cache.get(key(16, elsewhere.x, elsewhere.y))).toBeDefined();
    expect(cache.get(key(16, otherLayer.x, otherLayer.y, 'public', 'permits'))).toBeDefined();
  });

  it('drops the neighbour whose buffer reaches the change, not the one beyond', () => {
    const cache = new TileCache(10_000_000);
    const z = 16;
    const tileSide = 360 / 2 ** z;
    const tile = tileForLonLat(PLACE[0], PLACE[1], z);
    const eastEdge = ((tile.x + 1) * tileSide) - 180;
    cache.set(key(z, tile.x + 1, tile.y), tileOf(10));
    cache.set(key(z, tile.x + 2, tile.y), tileOf(10));
    // A point just inside `tile`, closer to its east edge than the buffer (64/4096 of a tile).
    const point = eastEdge - tileSide / 200;
    cache.invalidate('road_segments', [[point, PLACE[1], point, PLACE[1]]], 64 / 4096);
    expect(cache.get(key(z, tile.x + 1, tile.y))).toBeUndefined();
    expect(cache.get(key(z, tile.x + 2, tile.y))).toBeDefined();
    // Without the buffer the neighbour would have been kept.
    cache.set(key(z, tile.x + 1, tile.y), tileOf(10));
    cache.invalidate('road_segments', [[point, PLACE[1], point, PLACE[1]]], 0);
    expect(cache.get(key(z, tile.x + 1, tile.y))).toBeDefined();
  });

  it('handles a change covering the whole city at high zoom by scanning what it holds', () => {
    const cache = new TileCache(10_000_000);
    const tile = tileForLonLat(PLACE[0], PLACE[1], 22);
    cache.set(key(22, tile.x, tile.y), tileOf(10));
    expect(cache.invalidate('road_segments', [[-7.8, 33.4, -7.4, 33.7]], 64 / 4096)).toBe(1);
    expect(cache.bytes).toBe(0);
  });
});
