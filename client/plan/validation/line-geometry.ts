import type { Position } from 'geojson';
import { distanceMetres } from '../../map/geodesy.ts';
import { interpolate } from '../../map/snap-to-lines.ts';
import { degreesToSegment } from '../operations/network-places.ts';

/**
 * Plane geometry on road lines, as the checks need it: distances in metres from a place to a line (in a
 * local projection around the place, accurate to a millimetre over the few metres that matter), the nearest
 * point, crossings. Pure.
 */

const METRES_PER_DEGREE = 111_319.49;

/** The nearest point of a line to a place, and how far it is in metres. */
export function nearestPointOnLine(place: Position, line: readonly Position[]): { position: Position; metres: number } {
  const scaleX = Math.cos((place[1]! * Math.PI) / 180) * METRES_PER_DEGREE;
  const toLocal = (position: Position) => [(position[0]! - place[0]!) * scaleX, (position[1]! - place[1]!) * METRES_PER_DEGREE] as const;
  let best = { position: line[0]!, metres: Number.POSITIVE_INFINITY };
  for (let index = 0; index + 1 < line.length; index += 1) {
    const [ax, ay] = toLocal(line[index]!);
    const [bx, by] = toLocal(line[index + 1]!);
    const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (-ax * (bx - ax) - ay * (by - ay)) / lengthSquared));
    const metres = Math.hypot(ax + t * (bx - ax), ay + t * (by - ay));
    if (metres < best.metres) {
      const [a, b] = [line[index]!, line[index + 1]!];
      best = { position: interpolate(a, b, t), metres };
    }
  }
  return best;
}

/** The length of a line in metres. */
export function lineLengthMetres(line: readonly Position[]): number {
  return line.slice(1).reduce((total, position, index) => total + distanceMetres(line[index]!, position), 0);
}

function orientation(a: Position, b: Position, c: Position): number {
  const value = (b[1]! - a[1]!) * (c[0]! - b[0]!) - (b[0]! - a[0]!) * (c[1]! - b[1]!);
  return value === 0 ? 0 : value > 0 ? 1 : -1;
}

/** Whether segments a-b and c-d share at least one point. */
export function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const [o1, o2, o3, o4] = [orientation(a, b, c), orientation(a, b, d), orientation(c, d, a), orientation(c, d, b)];
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && degreesToSegment(c, a, b) === 0) || (o2 === 0 && degreesToSegment(d, a, b) === 0) || (o3 === 0 && degreesToSegment(a, c, d) === 0) || (o4 === 0 && degreesToSegment(b, c, d) === 0);
}

/** Planar distance in degrees between two lines (0 when they meet). */
export function degreesBetweenLines(a: readonly Position[], b: readonly Position[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < a.length; i += 1) {
    for (let j = 0; j + 1 < b.length; j += 1) {
      if (segmentsMeet(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return 0;
      best = Math.min(best, degreesToSegment(a[i]!, b[j]!, b[j + 1]!), degreesToSegment(a[i + 1]!, b[j]!, b[j + 1]!), degreesToSegment(b[j]!, a[i]!, a[i + 1]!), degreesToSegment(b[j + 1]!, a[i]!, a[i + 1]!));
    }
  }
  return best;
}

/**
 * Whether a line passes through the same place twice (not simple, as PostGIS's ST_IsSimple says): two of its
 * edges meet anywhere but at the vertex they share, or at the closing point of a ring. Repeated vertices
 * are ignored, as GEOS ignores them.
 */
export function crossesItself(line: readonly Position[]): boolean {
  const points = line.filter((position, index) => index === 0 || position[0] !== line[index - 1]![0] || position[1] !== line[index - 1]![1]);
  const edges = points.length - 1;
  const isRing = edges >= 3 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1];
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 1; j < edges; j += 1) {
      const [a, b, c, d] = [points[i]!, points[i + 1]!, points[j]!, points[j + 1]!];
      if (j === i + 1) {
        // Neighbours share b (= c): they cross only by doubling back over each other.
        if (orientation(a, b, d) === 0 && (degreesToSegment(d, a, b) === 0 || degreesToSegment(a, c, d) === 0)) return true;
        continue;
      }
      if (!segmentsMeet(a, b, c, d)) continue;
      const isClosingPoint = isRing && i === 0 && j === edges - 1 && !segmentsMeet(b, b, c, d) && !segmentsMeet(a, b, c, c);
      if (!isClosingPoint) return true;
    }
  }
  return false;
}
