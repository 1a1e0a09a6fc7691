import type { Position } from 'geojson';
import type { EditStep } from '../model/edit-history.ts';
import { isSamePlace, type SegmentDraft, withCoordinates } from '../model/segment-draft.ts';

/** Why two segments cannot be merged. */
export type MergeRefusal = 'not-touching' | 'different-attributes';

/** Whether two segments carry the same values for every editable property. */
export function haveSameAttributes(a: SegmentDraft, b: SegmentDraft, editableNames: readonly string[]): boolean {
  return editableNames.every((name) => (a.properties[name] ?? null) === (b.properties[name] ?? null));
}

/** The line of a followed by b, joined where an end of one is an end of the other; null when they do not meet so. */
export function joinedLine(a: readonly Position[], b: readonly Position[]): Position[] | null {
  const reversed = [...b].reverse();
  if (isSamePlace(a.at(-1), b[0])) return [...a, ...b.slice(1)];
  if (isSamePlace(a.at(-1), b.at(-1))) return [...a, ...reversed.slice(1)];
  if (isSamePlace(a[0], b.at(-1))) return [...b, ...a.slice(1)];
  if (isSamePlace(a[0], b[0])) return [...reversed, ...a.slice(1)];
  return null;
}

/**
 * The step merging b into a (one feature: a keeps its id, b is deleted), or why not: they must meet end to
 * end and carry the same values. Pure.
 */
export function mergeSegments(a: SegmentDraft, b: SegmentDraft, editableNames: readonly string[]): EditStep | MergeRefusal {
  const line = joinedLine(a.geometry.coordinates, b.geometry.coordinates);
  if (!line) return 'not-touching';
  if (!haveSameAttributes(a, b, editableNames)) return 'different-attributes';
  return {
    kind: 'merge',
    changes: [
      { key: a.key, before: a, after: withCoordinates(a, line) },
      { key: b.key, before: b, after: null },
    ],
  };
}

/** The segments of the network that could be merged with this one. */
export function mergeCandidates(draft: SegmentDraft, network: readonly SegmentDraft[], editableNames: readonly string[]): SegmentDraft[] {
  return network.filter((other) => other.key !== draft.key && typeof mergeSegments(draft, other, editableNames) !== 'string');
}
