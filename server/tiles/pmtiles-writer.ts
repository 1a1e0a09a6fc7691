import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * A PMTiles v3 archive writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * header, root directory, JSON metadata, leaf directories, then the tile data in tile-id order.
 */

/** One tile as it is to be stored: bytes exactly as served (for MVT with tileCompression 'gzip': gzipped MVT). */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** JSON metadata (for MVT: at least vector_layers); stored gzip-compressed. */
  metadata: Record<string, unknown>;
  /** Compression of the tile bytes given (they are stored as given, never recompressed). */
  tileCompression: 'gzip' | 'none';
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]. */
  center: [number, number, number];
}

/** A directory entry; runLength 0 marks a pointer to a leaf directory. */
interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_LENGTH = 127;
/** Header plus root directory must fit in the first 16 KiB, which readers fetch in one request. */
const ROOT_REGION_LENGTH = 16_384;
/** Tile ids stay exact doubles (below 2^53) up to this zoom. */
const MAX_ZOOM = 26;
const COMPRESSION_NONE = 1;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

/** The Hilbert tile id of z/x/y (PMTiles v3 spec). Throws RangeError for z > 26 or x/y out of range. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) throw new RangeError(`zoom ${z} is outside 0..${MAX_ZOOM}`);
  const side = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= side || y >= side) {
    throw new RangeError(`tile ${z}/${x}/${y} is outside the zoom level`);
  }
  // Ids count on from all tiles of the lower zooms: (4^z - 1) / 3 of them.
  let id = (side * side - 1) / 3;
  // Position on the Hilbert curve of this zoom. Arithmetic, not bit shifts, for the sum: it exceeds 32 bits.
  for (let s = side / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    id += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - (x % s);
        y = s - 1 - (y % s);
      }
      [x, y] = [y, x];
    }
  }
  return id;
}

/** Writes a whole PMTiles v3 archive (tile type MVT) into one Buffer. Empty `data` tiles are skipped. */
export function writePmtiles(tiles: Iterable<ArchiveTile>, options: ArchiveOptions): Buffer {
  const sorted = Array.from(tiles, (tile) => ({ tile, id: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.id - b.id);
  for (let i = 1; i < sorted.length; i++) {
    const { tile, id } = sorted[i]!;
    if (id === sorted[i - 1]!.id) throw new Error(`duplicate tile ${tile.z}/${tile.x}/${tile.y}`);
  }

  const entries: Entry[] = [];
  const blobs: Uint8Array[] = [];
  const offsetByHash = new Map<string, number>();
  let tileDataLength = 0;
  let addressedTiles = 0;
  let minZoom = Infinity;
  let maxZoom = -Infinity;
  for (const { tile, id } of sorted) {
    if (tile.data.length === 0) continue;
    addressedTiles++;
    minZoom = Math.min(minZoom, tile.z);
    maxZoom = Math.max(maxZoom, tile.z);
    const hash = createHash('sha256').update(tile.data).digest('base64');
    let offset = offsetByHash.get(hash);
    const previous = entries.at(-1);
    if (offset !== undefined && previous && previous.offset === offset && previous.tileId + previous.runLength === id) {
      previous.runLength++;
      continue;
    }
    if (offset === undefined) {
      // New content goes at the end, so the data section stays in tile-id order (clustered).
      offset = tileDataLength;
      offsetByHash.set(hash, offset);
      blobs.push(tile.data);
      tileDataLength += tile.data.length;
    }
    entries.push({ tileId: id, offset, length: tile.data.length, runLength: 1 });
  }
  // The spec requires non-empty directories.
  if (entries.length === 0) throw new Error('a PMTiles archive needs at least one non-empty tile');

  const { root, leaves } = buildDirectories(entries, ROOT_REGION_LENGTH - HEADER_LENGTH);
  const metadata = gzipSync(JSON.stringify(options.metadata));
  const metadataOffset = HEADER_LENGTH + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const tileDataOffset = leavesOffset + leaves.length;

  const header = Buffer.alloc(HEADER_LENGTH);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const uint64s = [
    HEADER_LENGTH, root.length, metadataOffset, metadata.length, leavesOffset, leaves.length, tileDataOffset,
    tileDataLength, addressedTiles, entries.length, blobs.length,
  ];
  for (const [i, value] of uint64s.entries()) header.writeBigUInt64LE(BigInt(value), 8 + 8 * i);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(COMPRESSION_GZIP, 97);
  header.writeUInt8(options.tileCompression === 'gzip' ? COMPRESSION_GZIP : COMPRESSION_NONE, 98);
  header.writeUInt8(TILE_TYPE_MVT, 99);
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  const [west, south, east, north] = options.bounds;
  for (const [i, degrees] of [west, south, east, north].entries()) header.writeInt32LE(toE7(degrees), 102 + 4 * i);
  const [centerLon, centerLat, centerZoom] = options.center;
  header.writeUInt8(centerZoom, 118);
  header.writeInt32LE(toE7(centerLon), 119);
  header.writeInt32LE(toE7(centerLat), 123);

  return Buffer.concat([header, root, metadata, leaves, ...blobs]);
}

function toE7(degrees: number): number {
  return Math.round(degrees * 1e7);
}

/**
 * The root directory alone when it fits in `maxRootLength`; otherwise leaves of `leafSize` entries with a
 * root of leaf pointers, growing the leaves until that root fits (as go-pmtiles does).
 */
function buildDirectories(entries: Entry[], maxRootLength: number): { root: Buffer; leaves: Buffer } {
  const root = serializeDirectory(entries);
  if (root.length <= maxRootLength) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = Math.max(4096, entries.length / 3500); ; leafSize *= 1.2) {
    const size = Math.floor(leafSize);
    const leaves: Buffer[] = [];
    const pointers: Entry[] = [];
    let leavesLength = 0;
    for (let start = 0; start < entries.length; start += size) {
      const leaf = serializeDirectory(entries.slice(start, start + size));
      // Leaf offsets are relative to the start of the leaf directory section.
      pointers.push({ tileId: entries[start]!.tileId, offset: leavesLength, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      leavesLength += leaf.length;
    }
    const pointerRoot = serializeDirectory(pointers);
    if (pointerRoot.length <= maxRootLength) return { root: pointerRoot, leaves: Buffer.concat(leaves) };
  }
}

/** Entry count, then columns of tile-id deltas, run lengths, lengths and offsets, all varints; gzipped. */
function serializeDirectory(entries: Entry[]): Buffer {
  const bytes: number[] = [];
  writeVarint(bytes, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    writeVarint(bytes, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) writeVarint(bytes, entry.runLength);
  for (const entry of entries) writeVarint(bytes, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    // 0 means "right after the previous entry's data"; other offsets are shifted by one to stay distinct.
    const follows = previous !== undefined && entry.offset === previous.offset + previous.length;
    writeVarint(bytes, follows ? 0 : entry.offset + 1);
  });
  return gzipSync(Uint8Array.from(bytes));
}

/** Unsigned LEB128; division instead of shifts, as values may exceed 32 bits. */
function writeVarint(bytes: number[], value: number): void {
  while (value >= 0x80) {
    bytes.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  bytes.push(value);
}
