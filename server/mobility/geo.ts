/** A position in EPSG:4326: [longitude, latitude] in degrees. */
export type LonLat = [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Great-circle distance in metres. */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLon = (b[0] - a[0]) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Walking speed, m/s (4.5 km/h, a usual planning value for adults in a city). */
export const WALK_SPEED_MPS = 1.25;
/** Streets are not straight: a walk with no known path is counted this much longer than the crow flies. */
export const DETOUR_FACTOR = 1.3;

export function walkSeconds(metres: number): number {
  return Math.round(metres / WALK_SPEED_MPS);
}

/**
 * A local flat projection in metres around a reference latitude (equirectangular): within a city its
 * error is well under a metre per kilometre, enough to snap points to streets and cut grids.
 */
export class LocalProjection {
  readonly #cosLat: number;

  constructor(referenceLat: number) {
    this.#cosLat = Math.cos(referenceLat * DEG);
  }

  x(lon: number): number {
    return lon * DEG * EARTH_RADIUS_M * this.#cosLat;
  }

  y(lat: number): number {
    return lat * DEG * EARTH_RADIUS_M;
  }
}

/** A uniform grid of items by cell, for "what lies within r metres of here" in a local projection. */
export class CellGrid<T> {
  readonly #cells = new Map<string, T[]>();

  constructor(readonly cellMeters: number) {}

  #key(cx: number, cy: number): string {
    return `${cx}:${cy}`;
  }

  /** Adds an item to every cell its box [minX, minY, maxX, maxY] touches. */
  add(item: T, minX: number, minY: number, maxX = minX, maxY = minY): void {
    for (let cx = Math.floor(minX / this.cellMeters); cx <= Math.floor(maxX / this.cellMeters); cx += 1) {
      for (let cy = Math.floor(minY / this.cellMeters); cy <= Math.floor(maxY / this.cellMeters); cy += 1) {
        const key = this.#key(cx, cy);
        const cell = this.#cells.get(key);
        if (cell) cell.push(item);
        else this.#cells.set(key, [item]);
      }
    }
  }

  /** Items of the cells within `radius` of (x, y), each once. */
  near(x: number, y: number, radius: number): Set<T> {
    const found = new Set<T>();
    for (let cx = Math.floor((x - radius) / this.cellMeters); cx <= Math.floor((x + radius) / this.cellMeters); cx += 1) {
      for (let cy = Math.floor((y - radius) / this.cellMeters); cy <= Math.floor((y + radius) / this.cellMeters); cy += 1) {
        for (const item of this.#cells.get(this.#key(cx, cy)) ?? []) found.add(item);
      }
    }
    return found;
  }
}
