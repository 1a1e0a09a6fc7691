import type { Position } from 'geojson';
import type { EditStep } from '../model/edit-history.ts';
import { isSamePlace, type SegmentDraft, withCoordinates } from '../model/segment-draft.ts';

/** Where to cut a line: at one of its inner vertices, or at a place inside one of its edges. */
export type SplitPoint = { kind: 'vertex'; index: number } | { kind: 'edge'; segmentIndex: number; position: Position };

/**
 * The two parts of a line cut at a point, or null when the point is one of its ends (nothing to cut). The
 * first part keeps the feature (its id and key), the second is a new feature with the same values. Pure.
 */
export function splitDraft(draft: SegmentDraft, at: SplitPoint, newKey: string): [SegmentDraft, SegmentDraft] | null {
  const coordinates = draft.geometry.coordinates;
  let point = at;
  if (point.kind === 'edge') {
    // A cut at an edge's end is a cut at that vertex.
    const [from, to] = [coordinates[point.segmentIndex], coordinates[point.segmentIndex + 1]];
    if (isSamePlace(point.position, from)) point = { kind: 'vertex', index: point.segmentIndex };
    else if (isSamePlace(point.position, to)) point = { kind: 'vertex', index: point.segmentIndex + 1 };
  }
  let first: Position[];
  let second: Position[];
  if (point.kind === 'vertex') {
    if (point.index <= 0 || point.index >= coordinates.length - 1) return null;
    first = coordinates.slice(0, point.index + 1);
    second = coordinates.slice(point.index);
  } else {
    if (point.segmentIndex < 0 || point.segmentIndex >= coordinates.length - 1) return null;
    first = [...coordinates.slice(0, point.segmentIndex + 1), point.position];
    second = [point.position, ...coordinates.slice(point.segmentIndex + 1)];
  }
  return [withCoordinates(draft, first), { ...withCoordinates(draft, second), key: newKey, id: null }];
}

/** The step splitting a segment in two: one change set of an update and a creation. Null at an end. */
export function splitSegment(draft: SegmentDraft, at: SplitPoint, newKey: string): EditStep | null {
  const parts = splitDraft(draft, at, newKey);
  if (!parts) return null;
  return {
    kind: 'split',
    changes: [
      { key: draft.key, before: draft, after: parts[0] },
      { key: newKey, before: null, after: parts[1] },
    ],
  };
}
