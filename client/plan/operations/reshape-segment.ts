import type { Position } from 'geojson';
import type { EditStep, FeatureChange } from '../model/edit-history.ts';
import { type SegmentDraft, withCoordinates } from '../model/segment-draft.ts';
import { joinAt, type JoinOptions } from './join-network.ts';
import { isEnd, verticesAt } from './network-places.ts';

/** What changed in the line's shape: a vertex moved, added or removed (map/line-editor.ts reports it). */
export type ShapeChange = { kind: 'move'; index: number } | { kind: 'insert'; index: number } | { kind: 'delete'; index: number };

/**
 * The step of one reshaping. A moved vertex carries along every road that had a vertex at the same place
 * (connected ends move together, as iD moves a shared node), in the same step; a free end moved onto
 * another road makes a junction there (see joinAt). Pure.
 */
export function reshapeSegment(
  before: SegmentDraft,
  coordinates: readonly Position[],
  change: ShapeChange,
  network: readonly SegmentDraft[],
  options: JoinOptions,
): EditStep {
  const after = withCoordinates(before, coordinates);
  const changes: FeatureChange[] = [{ key: before.key, before, after }];
  if (change.kind !== 'move') return { kind: 'reshape', changes };
  const from = before.geometry.coordinates[change.index];
  const to = coordinates[change.index];
  if (!from || !to) return { kind: 'reshape', changes };
  const roads = new Map(network.map((road) => [road.key, road] as const));
  roads.set(before.key, after);
  const followers = verticesAt(from, [...roads.values()], new Set([before.key]));
  for (const { key, index } of followers) {
    const road = roads.get(key)!;
    const moved = road.geometry.coordinates.map((position, at) => (at === index ? [to[0]!, to[1]!] : position));
    const next = withCoordinates(road, moved);
    roads.set(key, next);
    changes.push({ key, before: road, after: next });
  }
  if (followers.length > 0) return { kind: 'move-junction', changes };
  if (isEnd(after, change.index)) changes.push(...joinAt(to, roads, new Set([before.key]), options));
  return { kind: 'reshape', changes };
}
