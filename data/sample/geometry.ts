/** A position in EPSG:4326: [longitude, latitude] in degrees, GeoJSON order. */
export type LonLat = [number, number];

/** A closed ring of positions (first = last), EPSG:4326. */
export type Ring = LonLat[];

/** Mean Earth radius (IUGG), metres: haversine lengths agree with PostGIS geography within ~0.3 %. */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Great-circle distance in metres between two EPSG:4326 positions. */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLon = (b[0] - a[0]) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a polyline. */
export function lineLengthMeters(line: readonly LonLat[]): number {
  let length = 0;
  for (let index = 1; index < line.length; index += 1) length += distanceMeters(line[index - 1]!, line[index]!);
  return length;
}

/** Rounds to 7 decimals (about 1 cm): keeps the data compact without moving anything visibly. */
export function roundPosition(position: LonLat): LonLat {
  return [Math.round(position[0] * 1e7) / 1e7, Math.round(position[1] * 1e7) / 1e7];
}

/**
 * Moves a position by a metric offset (east, north in metres). A local equirectangular step: exact
 * enough within a city (error well under 1 m for a few km).
 */
export function offsetMeters(origin: LonLat, east: number, north: number): LonLat {
  const lat = origin[1] + north / (EARTH_RADIUS_M * DEG);
  const lon = origin[0] + east / (EARTH_RADIUS_M * DEG * Math.cos(origin[1] * DEG));
  return [lon, lat];
}

/** Ray casting: whether a position lies inside a closed ring (on-edge cases are arbitrary). */
export function isInRing(point: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a position lies inside a GeoJSON MultiPolygon's coordinates (holes respected). */
export function isInMultiPolygon(point: LonLat, multiPolygon: readonly (readonly (readonly LonLat[])[])[]): boolean {
  return multiPolygon.some(
    (polygon) => isInRing(point, polygon[0]!) && !polygon.slice(1).some((hole) => isInRing(point, hole)),
  );
}

/**
 * A rectangle of width x depth metres centred on a position and turned by angle (radians, counter-
 * clockwise from east): a building footprint. Returned closed and counter-clockwise (RFC 7946).
 */
export function rectangleAround(center: LonLat, widthMeters: number, depthMeters: number, angle: number): Ring {
  const corners: [number, number][] = [
    [-widthMeters / 2, -depthMeters / 2],
    [widthMeters / 2, -depthMeters / 2],
    [widthMeters / 2, depthMeters / 2],
    [-widthMeters / 2, depthMeters / 2],
  ];
  const ring = corners.map(([x, y]) =>
    roundPosition(offsetMeters(center, x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle))),
  );
  return [...ring, ring[0]!];
}
