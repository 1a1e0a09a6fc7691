import type { ArrondissementArea } from './admin-geometry.ts';
import { type LonLat, type Ring, isInMultiPolygon, rectangleAround } from './geometry.ts';
import type { Random } from './random.ts';

/**
 * Splits a total into integer shares proportional to weights, each at least `minimum` (largest-remainder
 * rounding, ties to the earlier index), so that every arrondissement gets some rows and the sum is exact.
 */
export function allocateCounts(total: number, weights: readonly number[], minimum: number): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0) throw new RangeError(`Cannot give ${minimum} each to ${weights.length} areas out of ${total}`);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (weight / weightSum) * spare);
  const counts = exact.map((share) => minimum + Math.floor(share));
  let missing = total - counts.reduce((sum, count) => sum + count, 0);
  const order = exact.map((share, index) => ({ index, remainder: share - Math.floor(share) })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of order) {
    if (missing === 0) break;
    counts[index]! += 1;
    missing -= 1;
  }
  return counts;
}

/**
 * A small building footprint (rectangle of 12-35 m by 10-30 m, any orientation) around a position,
 * or undefined when a corner would fall outside the arrondissement (the caller then keeps the point).
 */
export function randomFootprintAround(center: LonLat, area: ArrondissementArea, random: Random): Ring | undefined {
  const ring = rectangleAround(center, random.float(12, 35), random.float(10, 30), random.float(0, Math.PI));
  return ring.every((corner) => isInMultiPolygon(corner, area.coordinates)) ? ring : undefined;
}
