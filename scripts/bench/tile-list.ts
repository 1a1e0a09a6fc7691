import { type TileCoordinates, tileRangeForBbox } from '../../server/tiles/tile-coordinates.ts';

/**
 * The built-up city that the benchmark dataset covers, [west, south, east, north] in EPSG:4326 degrees
 * (the extent of the arrondissements, a little wider than the road network).
 */
export const CITY_BBOX: readonly [number, number, number, number] = [-7.75, 33.49, -7.45, 33.645];

/** The zooms of the mixed list: the whole city, a district, a neighbourhood, a street. */
export const BENCH_ZOOMS = [10, 12, 14, 16] as const;

/**
 * Which tiles of a zoom the list takes: every tile over the city at z10 and z12, every other one at z14 (a
 * checkerboard, so the sample covers the city evenly), one in nine at z16 (every third column and row).
 */
function isSampled({ z, x, y }: TileCoordinates): boolean {
  if (z <= 12) return true;
  if (z === 14) return (x + y) % 2 === 1;
  return x % 3 === 0 && y % 3 === 0;
}

/** The fixed, ordered list of tiles every measurement uses (same list in every run and on every machine). */
export function buildTileList(): TileCoordinates[] {
  const tiles: TileCoordinates[] = [];
  for (const z of BENCH_ZOOMS) {
    const range = tileRangeForBbox(CITY_BBOX, z, 0);
    for (let y = range.minY; y <= range.maxY; y += 1) {
      for (let x = range.minX; x <= range.maxX; x += 1) {
        if (isSampled({ z, x, y })) tiles.push({ z, x, y });
      }
    }
  }
  return tiles;
}

/**
 * The same tiles in a fixed interleaved order (a deterministic shuffle), so that concurrent clients always
 * have a mix of zooms in flight instead of all the slow low-zoom tiles at once.
 */
export function interleave<T>(items: readonly T[]): T[] {
  const result = [...items];
  let seed = 42;
  for (let index = result.length - 1; index > 0; index -= 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = seed % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
