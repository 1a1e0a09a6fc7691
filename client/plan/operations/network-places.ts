import type { Position } from 'geojson';
import { isSamePlace, type SegmentDraft } from '../model/segment-draft.ts';

/**
 * Where a place lies on the road network: on a vertex of a segment (one of its ends or an inner vertex), or
 * inside one of its edges. Positions are compared in degrees: a snapped place lies on its line to the ninth
 * decimal the map rounds to. Pure.
 */
export type NetworkPlace = { key: string; kind: 'vertex'; index: number } | { key: string; kind: 'edge'; segmentIndex: number; position: Position };

/** How far (degrees) a place may lie from an edge and still be on it: the map's rounding, with room. */
const ON_EDGE_DEGREES = 5e-9;

/** Planar distance in degrees from p to segment a-b (what PostGIS's ST_DWithin measures on degrees). */
export function degreesToSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = [p[0]!, p[1]!];
  const [ax, ay, bx, by] = [a[0]!, a[1]!, b[0]!, b[1]!];
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** Every vertex of the network at this place (the ends and inner vertices meeting there), but the ignored segments'. */
export function verticesAt(position: Position, network: readonly SegmentDraft[], ignoredKeys: ReadonlySet<string> = new Set()): { key: string; index: number }[] {
  return network.flatMap((draft) =>
    ignoredKeys.has(draft.key) ? [] : draft.geometry.coordinates.flatMap((vertex, index) => (isSamePlace(vertex, position) ? [{ key: draft.key, index }] : [])),
  );
}

/** The first segment the place lies on (a vertex before an edge), but the ignored ones; null off the network. */
export function placeOnNetwork(position: Position, network: readonly SegmentDraft[], ignoredKeys: ReadonlySet<string> = new Set()): NetworkPlace | null {
  const [vertex] = verticesAt(position, network, ignoredKeys);
  if (vertex) return { kind: 'vertex', ...vertex };
  for (const draft of network) {
    if (ignoredKeys.has(draft.key)) continue;
    const coordinates = draft.geometry.coordinates;
    for (let index = 0; index + 1 < coordinates.length; index += 1) {
      if (degreesToSegment(position, coordinates[index]!, coordinates[index + 1]!) <= ON_EDGE_DEGREES) {
        return { key: draft.key, kind: 'edge', segmentIndex: index, position: [position[0]!, position[1]!] };
      }
    }
  }
  return null;
}

/** Whether the vertex is one of the line's two ends. */
export function isEnd(draft: SegmentDraft, index: number): boolean {
  return index === 0 || index === draft.geometry.coordinates.length - 1;
}
