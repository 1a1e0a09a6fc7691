import type { Position } from 'geojson';

/** The mean Earth radius (metres) of the haversine distance: within 0.3% of the ellipsoid at Casablanca. */
const EARTH_RADIUS_METRES = 6_371_008.8;

/** The distance between two [longitude, latitude] places along the Earth's surface, in metres. */
export function distanceMetres(a: Position, b: Position): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const φ1 = (lat1 * Math.PI) / 180;
  const φ2 = (lat2 * Math.PI) / 180;
  const Δφ = φ2 - φ1;
  const Δλ = ((lon2 - lon1) * Math.PI) / 180;
  const h = Math.sin(Δφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The length of a path of [longitude, latitude] positions along the Earth's surface, in metres. */
export function pathLengthMetres(path: readonly Position[]): number {
  let total = 0;
  for (let index = 1; index < path.length; index += 1) total += distanceMetres(path[index - 1]!, path[index]!);
  return total;
}
