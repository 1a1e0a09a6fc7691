import { gunzipSync, gzipSync } from 'node:zlib';
import {
  Compression,
  type Entry,
  type Header,
  PMTiles,
  type RangeResponse,
  type Source,
  TileType,
  tileIdToZxy,
  zxyToTileId as referenceZxyToTileId,
} from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { type ArchiveOptions, type ArchiveTile, writePmtiles, zxyToTileId } from './pmtiles-writer.ts';

/** The official reader over an in-memory archive. */
class BufferSource implements Source {
  private static count = 0;
  private readonly key = `memory-${BufferSource.count++}`;
  constructor(private readonly archive: Buffer) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const start = this.archive.byteOffset + offset;
    const end = this.archive.byteOffset + Math.min(offset + length, this.archive.length);
    return { data: this.archive.buffer.slice(start, end) as ArrayBuffer };
  }
}

function open(archive: Buffer): { reader: PMTiles; source: BufferSource } {
  const source = new BufferSource(archive);
  return { reader: new PMTiles(source), source };
}

async function readTile(reader: PMTiles, z: number, x: number, y: number): Promise<Uint8Array | undefined> {
  const response = await reader.getZxy(z, x, y);
  return response && new Uint8Array(response.data);
}

async function rootEntries(reader: PMTiles, source: Source, header: Header): Promise<Entry[]> {
  return reader.cache.getDirectory(source, header.rootDirectoryOffset, header.rootDirectoryLength, header);
}

const OPTIONS: ArchiveOptions = {
  metadata: { name: 'roads', vector_layers: [{ id: 'roads', fields: { name: 'String' } }] },
  tileCompression: 'none',
  bounds: [-7.7, 33.45, -7.45, 33.65],
  center: [-7.59, 33.57, 12],
};

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so that failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('zxyToTileId', () => {
  it.each([
    [0, 0, 0, 0],
    [1, 0, 0, 1],
    [1, 0, 1, 2],
    [1, 1, 1, 3],
    [1, 1, 0, 4],
    [2, 0, 0, 5],
    [3, 0, 0, 21],
    [26, 0, 0, (4 ** 26 - 1) / 3],
  ])('%i/%i/%i is %i', (z, x, y, id) => {
    expect(zxyToTileId(z, x, y)).toBe(id);
  });

  it('agrees with the official implementation up to z26', () => {
    const next = random(42);
    for (let i = 0; i < 5000; i++) {
      const z = i < 4000 ? Math.floor(next() * 21) : 21 + Math.floor(next() * 6);
      const x = Math.floor(next() * 2 ** z);
      const y = Math.floor(next() * 2 ** z);
      const id = zxyToTileId(z, x, y);
      expect(id).toBe(referenceZxyToTileId(z, x, y));
      expect(tileIdToZxy(id)).toEqual([z, x, y]);
    }
    expect(tileIdToZxy(zxyToTileId(12, 1963, 1631))).toEqual([12, 1963, 1631]);
    expect(zxyToTileId(26, 2 ** 26 - 1, 0)).toBe((4 ** 27 - 1) / 3 - 1);
  });

  it.each([
    [27, 0, 0],
    [-1, 0, 0],
    [1.5, 0, 0],
    [1, 2, 0],
    [1, 0, 2],
    [3, -1, 0],
    [3, 0, 0.5],
  ])('rejects %s/%s/%s with a RangeError', (z, x, y) => {
    expect(() => zxyToTileId(z, x, y)).toThrow(RangeError);
  });
});

describe('writePmtiles', () => {
  const small: ArchiveTile[] = [
    { z: 14, x: 7844, y: 6567, data: bytes(1, 2, 3) },
    { z: 12, x: 1961, y: 1641, data: bytes(4, 5, 6, 7) },
    { z: 13, x: 3922, y: 3283, data: bytes(8) },
    { z: 12, x: 1960, y: 1641, data: bytes(9, 10) },
  ];

  it('writes an archive the official reader reads back exactly', async () => {
    const archive = writePmtiles(small, OPTIONS);
    expect(archive.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    expect(archive[7]).toBe(3);
    const { reader } = open(archive);
    for (const tile of small) expect(await readTile(reader, tile.z, tile.x, tile.y)).toEqual(tile.data);
    expect(await readTile(reader, 12, 1962, 1641)).toBeUndefined();
    expect(await readTile(reader, 14, 7845, 6567)).toBeUndefined();

    const header = await reader.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      leafDirectoryLength: 0,
      minZoom: 12,
      maxZoom: 14,
      centerZoom: 12,
      tileType: TileType.Mvt,
      tileCompression: Compression.None,
      internalCompression: Compression.Gzip,
      numAddressedTiles: 4,
      numTileEntries: 4,
      numTileContents: 4,
      clustered: true,
      tileDataLength: 10,
    });
    expect(header.jsonMetadataOffset).toBe(127 + header.rootDirectoryLength);
    expect(header.leafDirectoryOffset).toBe(header.jsonMetadataOffset + header.jsonMetadataLength);
    expect(header.tileDataOffset).toBe(header.leafDirectoryOffset);
    expect(header.tileDataOffset + (header.tileDataLength ?? 0)).toBe(archive.length);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([-7.7, 33.45, -7.45, 33.65]);
    expect([header.centerLon, header.centerLat]).toEqual([-7.59, 33.57]);
    expect(await reader.getMetadata()).toEqual(OPTIONS.metadata);
  });

  it('stores the data section in tile-id order', () => {
    const archive = writePmtiles(small, OPTIONS);
    const tileData = archive.subarray(archive.length - 10);
    const byReferenceId = [...small].sort((a, b) => referenceZxyToTileId(a.z, a.x, a.y) - referenceZxyToTileId(b.z, b.x, b.y));
    expect([...tileData]).toEqual(byReferenceId.flatMap((tile) => [...tile.data]));
    // On the Hilbert curve 12/1961/1641 (id 8308605) comes before 12/1960/1641 (id 8308608).
    expect([...tileData]).toEqual([4, 5, 6, 7, 9, 10, 8, 1, 2, 3]);
  });

  it('stores gzipped tiles as given and marks them gzip', async () => {
    const mvt = bytes(0x1a, 0x02, 0x78, 0x01);
    const gzipped = gzipSync(mvt);
    const archive = writePmtiles(
      (function* () {
        yield { z: 0, x: 0, y: 0, data: gzipped };
      })(),
      { ...OPTIONS, tileCompression: 'gzip' },
    );
    expect(archive.subarray(archive.length - gzipped.length)).toEqual(gzipped);
    const { reader } = open(archive);
    const header = await reader.getHeader();
    expect(header.tileCompression).toBe(Compression.Gzip);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 0]);
    // The reader gunzips tiles itself (header tile compression); getting the MVT back means the bytes were stored intact.
    expect(await readTile(reader, 0, 0, 0)).toEqual(mvt);
  });

  it('stores identical contents once and run-length encodes consecutive ones', async () => {
    const same = bytes(7, 7, 7, 7, 7, 7, 7, 7);
    const other = bytes(1, 2, 3, 4, 5, 6, 7, 8);
    // Ids 1, 2, 3 share content; id 4 differs.
    const tiles: ArchiveTile[] = [
      { z: 1, x: 0, y: 0, data: same },
      { z: 1, x: 0, y: 1, data: Uint8Array.from(same) },
      { z: 1, x: 1, y: 1, data: Uint8Array.from(same) },
      { z: 1, x: 1, y: 0, data: other },
    ];
    const archive = writePmtiles(tiles, OPTIONS);
    const distinct = writePmtiles(
      tiles.map((tile, i) => ({ ...tile, data: Uint8Array.from(tile.data, (b) => b + i) })),
      OPTIONS,
    );
    expect(archive.length).toBeLessThan(distinct.length);

    const { reader, source } = open(archive);
    const header = await reader.getHeader();
    expect(header).toMatchObject({ numAddressedTiles: 4, numTileEntries: 2, numTileContents: 2, tileDataLength: 16 });
    expect(await rootEntries(reader, source, header)).toEqual([
      { tileId: 1, offset: 0, length: 8, runLength: 3 },
      { tileId: 4, offset: 8, length: 8, runLength: 1 },
    ]);
    for (const tile of tiles) expect(await readTile(reader, tile.z, tile.x, tile.y)).toEqual(tile.data);
  });

  it('points non-consecutive duplicates at the earlier copy', async () => {
    const a = bytes(1, 1);
    const b = bytes(2, 2, 2);
    // Ids 0 (a), 1 (b), 4 (a): id 4 is not next to id 0, so it gets its own entry but no new data.
    const archive = writePmtiles(
      [
        { z: 0, x: 0, y: 0, data: a },
        { z: 1, x: 0, y: 0, data: b },
        { z: 1, x: 1, y: 0, data: Uint8Array.from(a) },
      ],
      OPTIONS,
    );
    const { reader, source } = open(archive);
    const header = await reader.getHeader();
    expect(header).toMatchObject({ numAddressedTiles: 3, numTileEntries: 3, numTileContents: 2, tileDataLength: 5 });
    expect(await rootEntries(reader, source, header)).toEqual([
      { tileId: 0, offset: 0, length: 2, runLength: 1 },
      { tileId: 1, offset: 2, length: 3, runLength: 1 },
      { tileId: 4, offset: 0, length: 2, runLength: 1 },
    ]);
    expect(await readTile(reader, 1, 1, 0)).toEqual(a);
  });

  it('splits a large directory into leaves and keeps the root within 16 KiB', async () => {
    const next = random(7);
    const tiles: ArchiveTile[] = [];
    for (let z = 0; z <= 8; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) {
          // Varying lengths keep the directory incompressible enough to overflow the root.
          const data = Uint8Array.from({ length: 1 + Math.floor(next() * 60) }, () => Math.floor(next() * 256));
          tiles.push({ z, x, y, data });
        }
      }
    }
    expect(tiles).toHaveLength(87_381);
    const archive = writePmtiles(tiles, OPTIONS);

    const { reader, source } = open(archive);
    const header = await reader.getHeader();
    expect(header.rootDirectoryLength + 127).toBeLessThanOrEqual(16_384);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header).toMatchObject({ minZoom: 0, maxZoom: 8, numAddressedTiles: 87_381, numTileEntries: 87_381 });
    const root = await rootEntries(reader, source, header);
    expect(root.length).toBeGreaterThan(1);
    expect(root.every((entry) => entry.runLength === 0)).toBe(true);
    expect(root[0]!.tileId).toBe(0);

    const sample = [tiles[0]!, tiles.at(-1)!, ...Array.from({ length: 500 }, () => tiles[Math.floor(next() * tiles.length)]!)];
    for (const tile of sample) expect(await readTile(reader, tile.z, tile.x, tile.y)).toEqual(tile.data);
  });

  it('rejects a duplicate z/x/y, naming it', () => {
    const tiles = [...small, { z: 13, x: 3922, y: 3283, data: bytes(99) }];
    expect(() => writePmtiles(tiles, OPTIONS)).toThrow('13/3922/3283');
  });

  it('skips tiles with empty data', async () => {
    const archive = writePmtiles([...small, { z: 15, x: 0, y: 0, data: new Uint8Array(0) }], OPTIONS);
    const { reader } = open(archive);
    const header = await reader.getHeader();
    expect(header).toMatchObject({ maxZoom: 14, numAddressedTiles: 4, numTileEntries: 4 });
    expect(archive).toEqual(writePmtiles(small, OPTIONS));
  });

  it('writes a gzipped metadata section', () => {
    const archive = writePmtiles(small, OPTIONS);
    const offset = Number(archive.readBigUInt64LE(24));
    const length = Number(archive.readBigUInt64LE(32));
    expect(JSON.parse(gunzipSync(archive.subarray(offset, offset + length)).toString('utf8'))).toEqual(OPTIONS.metadata);
  });
});
