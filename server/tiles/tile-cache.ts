import type { Bbox } from '../layers/geometry-bbox.ts';
import { type TileRange, tileRangeForBbox } from './tile-coordinates.ts';
import type { RenderedTile } from './tile-renderer.ts';

/**
 * What a cached tile is filed under. The visibility class (auth/policy.ts layerView) is part of the key:
 * two callers share an entry only when they see exactly the same tile, so public and staff never do.
 */
export interface TileCacheKey {
  layer: string;
  z: number;
  x: number;
  y: number;
  visibilityClass: string;
}

interface Entry {
  key: string;
  layer: string;
  z: number;
  x: number;
  y: number;
  bytes: number;
  tile: RenderedTile;
}

/**
 * Bytes charged per entry on top of the compressed tile: the entry and tile objects, the key strings, the
 * Buffer object, the ETag and the slots of the maps. Measured with 100,000 small entries: about 960 bytes
 * of V8 heap each (node --expose-gc, heapUsed before and after), rounded up, so that the budget bounds the
 * memory actually used and not only the tile bytes.
 */
export const ENTRY_OVERHEAD_BYTES = 1024;

export function tileCacheKeyString(key: TileCacheKey): string {
  return `${key.layer}/${key.z}/${key.x}/${key.y}/${key.visibilityClass}`;
}

/** Whether tile (x, y) lies in the range. */
export function isInRange(range: TileRange, x: number, y: number): boolean {
  return x >= range.minX && x <= range.maxX && y >= range.minY && y <= range.maxY;
}

/**
 * In-memory LRU of rendered tiles under a byte budget (compressed tile bytes plus a fixed overhead per
 * entry). Entries are also filed by layer, zoom and x/y so that an edit drops exactly the tiles it can
 * have changed, at every zoom and for every visibility class, without scanning the whole cache.
 * A budget of 0 disables caching.
 */
export class TileCache {
  readonly maxBytes: number;
  #bytes = 0;
  /** Insertion order is recency order: the first entry is the least recently used. */
  readonly #entries = new Map<string, Entry>();
  /** layer -> zoom -> "x/y" -> entry keys (one per visibility class; arrays are far lighter than Sets). */
  readonly #byTile = new Map<string, Map<number, Map<string, string[]>>>();

  constructor(maxBytes: number) {
    this.maxBytes = Math.max(0, maxBytes);
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get isEnabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The cached tile, which becomes the most recently used; undefined when absent. */
  get(key: TileCacheKey): RenderedTile | undefined {
    const id = tileCacheKeyString(key);
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.tile;
  }

  /** Stores a tile, evicting the least recently used ones past the budget. Tiles over the budget are not kept. */
  set(key: TileCacheKey, tile: RenderedTile): void {
    const id = tileCacheKeyString(key);
    const bytes = tile.gzipped.length + ENTRY_OVERHEAD_BYTES;
    this.#remove(id);
    if (bytes > this.maxBytes) return;
    const entry: Entry = { key: id, layer: key.layer, z: key.z, x: key.x, y: key.y, bytes, tile };
    this.#entries.set(id, entry);
    this.#bytes += bytes;
    this.#slot(entry, true)!.push(id);
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest);
    }
  }

  /**
   * Drops every cached tile of the layer, at every zoom and for every visibility class, whose area grown by
   * `margin` (a fraction of the tile side: the tile buffer) intersects one of the boxes. Returns how many.
   */
  invalidate(layer: string, bboxes: readonly Bbox[], margin: number): number {
    const zooms = this.#byTile.get(layer);
    if (!zooms) return 0;
    let dropped = 0;
    for (const [z, tiles] of zooms) {
      for (const bbox of bboxes) {
        for (const id of this.#keysInRange(tiles, tileRangeForBbox(bbox, z, margin))) {
          this.#remove(id);
          dropped += 1;
        }
      }
    }
    return dropped;
  }

  clear(): void {
    this.#entries.clear();
    this.#byTile.clear();
    this.#bytes = 0;
  }

  /** Keys of cached tiles in the range: walks the range or the cached tiles, whichever is smaller. */
  #keysInRange(tiles: Map<string, string[]>, range: TileRange): string[] {
    const found: string[] = [];
    const width = range.maxX - range.minX + 1;
    const height = range.maxY - range.minY + 1;
    if (width * height <= tiles.size) {
      for (let x = range.minX; x <= range.maxX; x += 1) {
        for (let y = range.minY; y <= range.maxY; y += 1) found.push(...(tiles.get(`${x}/${y}`) ?? []));
      }
      return found;
    }
    for (const [position, ids] of tiles) {
      const [x, y] = position.split('/').map(Number) as [number, number];
      if (isInRange(range, x, y)) found.push(...ids);
    }
    return found;
  }

  #slot(key: Pick<Entry, 'layer' | 'z' | 'x' | 'y'>, isCreated: boolean): string[] | undefined {
    let zooms = this.#byTile.get(key.layer);
    if (!zooms && isCreated) {
      zooms = new Map();
      this.#byTile.set(key.layer, zooms);
    }
    let tiles = zooms?.get(key.z);
    if (zooms && !tiles && isCreated) {
      tiles = new Map();
      zooms.set(key.z, tiles);
    }
    let ids = tiles?.get(`${key.x}/${key.y}`);
    if (tiles && !ids && isCreated) {
      ids = [];
      tiles.set(`${key.x}/${key.y}`, ids);
    }
    return ids;
  }

  #remove(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
    const ids = this.#slot(entry, false);
    const position = ids?.indexOf(id) ?? -1;
    if (position >= 0) ids!.splice(position, 1);
    if (ids?.length === 0) {
      const zooms = this.#byTile.get(entry.layer)!;
      const tiles = zooms.get(entry.z)!;
      tiles.delete(`${entry.x}/${entry.y}`);
      if (tiles.size === 0) zooms.delete(entry.z);
      if (zooms.size === 0) this.#byTile.delete(entry.layer);
    }
  }
}
