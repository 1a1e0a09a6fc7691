import type { LineString, Position } from 'geojson';

/**
 * A road segment as the editor holds it: the saved feature (`id`), or a new one not saved yet (`id` null).
 * Drafts are values: an operation returns new drafts and never changes one in place, which is what lets the
 * history keep them as they were (placemark's moments, iD's graphs).
 */
export interface SegmentDraft {
  /** `<layer>/<id>` for a saved feature, `new-<n>` for one drawn in this session. */
  key: string;
  id: number | null;
  /** Every property the planner may see, by API name (null for none). */
  properties: Readonly<Record<string, unknown>>;
  geometry: LineString;
}

/** The key of a saved feature. */
export function keyOf(layerId: string, id: number): string {
  return `${layerId}/${id}`;
}

/** Whether two places are the same vertex: the server writes 9 decimals, so anything closer is the same. */
export function isSamePlace(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a[0]! - b[0]!) < 1e-9 && Math.abs(a[1]! - b[1]!) < 1e-9;
}

/** A draft with another line. */
export function withCoordinates(draft: SegmentDraft, coordinates: readonly Position[]): SegmentDraft {
  return { ...draft, geometry: { type: 'LineString', coordinates: coordinates.map((position) => [position[0]!, position[1]!]) } };
}

/** Whether two drafts hold the same line and the same values (what "unchanged" means). */
export function isSameDraft(a: SegmentDraft | null, b: SegmentDraft | null): boolean {
  if (a === null || b === null) return a === b;
  const coordinates = (draft: SegmentDraft) => draft.geometry.coordinates;
  const isSameLine = coordinates(a).length === coordinates(b).length && coordinates(a).every((position, index) => isSamePlace(position, coordinates(b)[index]));
  const names = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
  return isSameLine && [...names].every((name) => (a.properties[name] ?? null) === (b.properties[name] ?? null));
}

/** [west, south, east, north] of a draft's line in degrees. */
export function draftBounds(draft: SegmentDraft): [number, number, number, number] {
  const longitudes = draft.geometry.coordinates.map((position) => position[0]!);
  const latitudes = draft.geometry.coordinates.map((position) => position[1]!);
  return [Math.min(...longitudes), Math.min(...latitudes), Math.max(...longitudes), Math.max(...latitudes)];
}
