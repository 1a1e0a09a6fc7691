import type { EditStep } from '../model/edit-history.ts';
import { type SegmentDraft, withCoordinates } from '../model/segment-draft.ts';

/** The step deleting a segment. */
export function deleteSegment(draft: SegmentDraft): EditStep {
  return { kind: 'delete', changes: [{ key: draft.key, before: draft, after: null }] };
}

/** The step giving a segment new values (the others kept); null when nothing changes. */
export function setProperties(draft: SegmentDraft, values: Readonly<Record<string, unknown>>): EditStep | null {
  const changed = Object.entries(values).filter(([name, value]) => (draft.properties[name] ?? null) !== (value ?? null));
  if (changed.length === 0) return null;
  return { kind: 'attributes', changes: [{ key: draft.key, before: draft, after: { ...draft, properties: { ...draft.properties, ...Object.fromEntries(changed) } } }] };
}

/** The step removing one vertex; null when the line would keep fewer than two. */
export function removeVertex(draft: SegmentDraft, index: number): EditStep | null {
  const coordinates = draft.geometry.coordinates;
  if (coordinates.length <= 2 || index < 0 || index >= coordinates.length) return null;
  return { kind: 'reshape', changes: [{ key: draft.key, before: draft, after: withCoordinates(draft, coordinates.filter((_, at) => at !== index)) }] };
}
