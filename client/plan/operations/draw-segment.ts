import type { Position } from 'geojson';
import type { EditStep, FeatureChange } from '../model/edit-history.ts';
import type { SegmentDraft } from '../model/segment-draft.ts';
import { joinAt, type JoinOptions } from './join-network.ts';

/**
 * The step adding a new road: the new segment, and at each of its ends that lies on another road, the
 * junction made real (a shared vertex, or the other road cut there when the planner chose so), all in one
 * step. Pure.
 */
export function drawSegment(
  coordinates: readonly Position[],
  properties: Readonly<Record<string, unknown>>,
  key: string,
  network: readonly SegmentDraft[],
  options: JoinOptions,
): EditStep {
  const draft: SegmentDraft = { key, id: null, properties, geometry: { type: 'LineString', coordinates: coordinates.map((position) => [position[0]!, position[1]!]) } };
  const roads = new Map(network.map((road) => [road.key, road] as const));
  const ignored = new Set([key]);
  const changes: FeatureChange[] = [{ key, before: null, after: draft }];
  for (const end of [coordinates[0], coordinates.at(-1)]) {
    if (end) changes.push(...joinAt(end, roads, ignored, options));
  }
  return { kind: 'draw', changes };
}
