import type { Position } from 'geojson';
import type { ScreenPoint } from './feature-hit.ts';

/**
 * Snapping math: where a pointer lands on the lines around it. Distances are measured on the screen (a
 * tolerance in pixels means the same reach at every zoom, as in iD and QGIS); the answer is a place in
 * degrees on the line itself. Pure: the projection is passed in.
 */

/** A line one can snap to: a road segment, named by the key its owner gave it. */
export interface SnapTarget {
  key: string;
  coordinates: readonly Position[];
}

/** Where the pointer snapped: onto a vertex of a line, or onto one of its edges between two vertices. */
export type Snap =
  | { kind: 'vertex'; key: string; position: Position; vertexIndex: number; distancePx: number }
  | { kind: 'edge'; key: string; position: Position; segmentIndex: number; distancePx: number };

/** The nearest point of segment a-b to p, as the share t (0 at a, 1 at b) and the squared distance. */
export function nearestOnSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): { t: number; distanceSquared: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  const x = a.x + t * dx - p.x;
  const y = a.y + t * dy - p.y;
  return { t, distanceSquared: x * x + y * y };
}

/**
 * A coordinate rounded to the ninth decimal (about 0.1 mm): what the server stores and sends back, and the
 * precision terra-draw accepts, so that a computed place is the same number on both sides.
 */
export function toNanodegrees(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The place at share t between a and b (degrees; linear, accurate at a street's scale; nine decimals). */
export function interpolate(a: Position, b: Position, t: number): Position {
  return [toNanodegrees(a[0]! + (b[0]! - a[0]!) * t), toNanodegrees(a[1]! + (b[1]! - a[1]!) * t)];
}

/**
 * The snap for a pointer: the nearest vertex within `tolerancePx` (vertices win, so that ends meet ends and
 * junctions are shared), else the nearest point of an edge within it, else null. An edge point at a vertex
 * is reported as that vertex. Targets listed in `ignoredKeys` are skipped (the line being drawn).
 */
export function snapToLines(
  pointer: ScreenPoint,
  targets: readonly SnapTarget[],
  project: (position: Position) => ScreenPoint,
  tolerancePx: number,
  ignoredKeys: ReadonlySet<string> = new Set(),
): Snap | null {
  const reach = tolerancePx * tolerancePx;
  let vertex: Extract<Snap, { kind: 'vertex' }> | null = null;
  let edge: Extract<Snap, { kind: 'edge' }> | null = null;
  for (const target of targets) {
    if (ignoredKeys.has(target.key)) continue;
    const points = target.coordinates.map(project);
    points.forEach((point, index) => {
      const distanceSquared = (point.x - pointer.x) ** 2 + (point.y - pointer.y) ** 2;
      if (distanceSquared <= reach && (!vertex || distanceSquared < vertex.distancePx ** 2)) {
        vertex = { kind: 'vertex', key: target.key, position: [...target.coordinates[index]!], vertexIndex: index, distancePx: Math.sqrt(distanceSquared) };
      }
    });
    for (let index = 0; index + 1 < points.length; index += 1) {
      const nearest = nearestOnSegment(pointer, points[index]!, points[index + 1]!);
      if (nearest.distanceSquared > reach || (edge && nearest.distanceSquared >= edge.distancePx ** 2)) continue;
      const position = interpolate(target.coordinates[index]!, target.coordinates[index + 1]!, nearest.t);
      edge = { kind: 'edge', key: target.key, position, segmentIndex: index, distancePx: Math.sqrt(nearest.distanceSquared) };
    }
  }
  return vertex ?? edge;
}

/** Web Mercator world pixels at a zoom (512-pixel tiles, as MapLibre): distances match the screen's unrotated. */
export function worldPixels(position: Position, zoom: number): ScreenPoint {
  const size = 512 * 2 ** zoom;
  const latitude = Math.max(-85.0511, Math.min(85.0511, position[1]!)) * (Math.PI / 180);
  return { x: ((position[0]! + 180) / 360) * size, y: ((1 - Math.log(Math.tan(latitude) + 1 / Math.cos(latitude)) / Math.PI) / 2) * size };
}
