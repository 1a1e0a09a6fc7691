/** A place in degrees (WGS 84). */
export interface LonLat {
  longitude: number;
  latitude: number;
}

/** Mean Earth radius in metres (IUGG), for great-circle distances at the scale of a street. */
const EARTH_RADIUS_M = 6_371_008.8;

/** The great-circle distance between two places, in metres (haversine). */
export function distanceMetres(a: LonLat, b: LonLat): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The device's position, or null when the browser has none to give (refused, no fix within the time, no
 * sensor). A recent fix (up to a minute old) is good enough to tell a street from the next.
 */
export function currentPosition(timeoutMs = 10_000): Promise<LonLat | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ longitude: position.coords.longitude, latitude: position.coords.latitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
