import { BadRequestError } from '../http/errors.ts';

/** A tile address in the Web Mercator (EPSG:3857) XYZ scheme, y counted from the north. */
export interface TileCoordinates {
  z: number;
  x: number;
  y: number;
}

/** Deepest zoom any layer may be asked for. */
export const MAX_ZOOM = 22;

const NON_NEGATIVE_INTEGER = /^(0|[1-9][0-9]{0,6})$/;

function parseInteger(name: 'z' | 'x' | 'y', text: string): number {
  if (!NON_NEGATIVE_INTEGER.test(text)) {
    throw new BadRequestError('invalid-tile-coordinates', `${name} must be a non-negative integer, got "${text.slice(0, 20)}"`);
  }
  return Number(text);
}

/**
 * Parses and checks z/x/y from the URL: integers only (no signs, decimals or leading zeros),
 * 0 <= z <= 22 and 0 <= x, y < 2^z. Anything else is a 400.
 */
export function parseTileCoordinates(z: string, x: string, y: string): TileCoordinates {
  const tile = { z: parseInteger('z', z), x: parseInteger('x', x), y: parseInteger('y', y) };
  if (tile.z > MAX_ZOOM) throw new BadRequestError('invalid-tile-coordinates', `z must be between 0 and ${MAX_ZOOM}`);
  const size = 2 ** tile.z;
  if (tile.x >= size || tile.y >= size) {
    throw new BadRequestError('invalid-tile-coordinates', `x and y must be between 0 and ${size - 1} at zoom ${tile.z}`);
  }
  return tile;
}

/** Half the Earth's circumference in EPSG:3857 metres. */
const MERCATOR_HALF_WORLD = 20_037_508.342789244;

/** Width of one tile unit (1/extent of a tile) in EPSG:3857 metres: the simplification tolerance. */
export function tileUnitMetres(z: number, extent: number): number {
  return (2 * MERCATOR_HALF_WORLD) / 2 ** z / extent;
}

/** The XYZ tile containing a lon/lat point at zoom z. */
export function tileForLonLat(lon: number, lat: number, z: number): TileCoordinates {
  const size = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * size);
  const latRad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * size);
  return { z, x: Math.min(Math.max(x, 0), size - 1), y: Math.min(Math.max(y, 0), size - 1) };
}

/** Latitude limit of the Web Mercator square, in degrees. */
const MERCATOR_MAX_LATITUDE = 85.0511287798066;

/** Fractional tile column of a longitude at zoom z. */
function tileXOf(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

/** Fractional tile row (from the north) of a latitude at zoom z. */
function tileYOf(lat: number, z: number): number {
  const clamped = Math.max(-MERCATOR_MAX_LATITUDE, Math.min(MERCATOR_MAX_LATITUDE, lat));
  const latRad = (clamped * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * 2 ** z;
}

/** An inclusive block of tiles at one zoom. */
export interface TileRange {
  z: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * The tiles at zoom z whose area grown by `margin` (a fraction of the tile side, e.g. buffer / extent)
 * intersects a [west, south, east, north] box in EPSG:4326 degrees: exactly the tiles whose content can
 * change when something inside the box changes, since a tile draws its buffer too.
 */
export function tileRangeForBbox(bbox: readonly [number, number, number, number], z: number, margin: number): TileRange {
  const [west, south, east, north] = bbox;
  const last = 2 ** z - 1;
  const clamp = (value: number) => Math.min(Math.max(value, 0), last);
  return {
    z,
    minX: clamp(Math.floor(tileXOf(west, z) - margin)),
    maxX: clamp(Math.floor(tileXOf(east, z) + margin)),
    minY: clamp(Math.floor(tileYOf(north, z) - margin)),
    maxY: clamp(Math.floor(tileYOf(south, z) + margin)),
  };
}

/** Every tile of a range, column by column. */
export function tilesInRange(range: TileRange): TileCoordinates[] {
  const tiles: TileCoordinates[] = [];
  for (let x = range.minX; x <= range.maxX; x += 1) for (let y = range.minY; y <= range.maxY; y += 1) tiles.push({ z: range.z, x, y });
  return tiles;
}
