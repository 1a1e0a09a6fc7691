import type { Position } from './mobility-api.ts';

/** [west, south, east, north] in degrees around positions, for the map to fit; null for none. */
export function boundsOf(positions: readonly Position[]): number[] | null {
  if (positions.length === 0) return null;
  const longitudes = positions.map((position) => position[0]);
  const latitudes = positions.map((position) => position[1]);
  return [Math.min(...longitudes), Math.min(...latitudes), Math.max(...longitudes), Math.max(...latitudes)];
}
