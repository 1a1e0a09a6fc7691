import type { Geometry } from 'geojson';
import { keyOf, type SegmentDraft } from './model/segment-draft.ts';

/** A feature from the API as a draft; null when it is not a line (nothing the editor can hold). */
export function draftOf(layerId: string, feature: { id: string | number | undefined; properties: Record<string, unknown>; geometry: Geometry | null }): SegmentDraft | null {
  const id = Number(feature.id);
  if (!Number.isSafeInteger(id) || feature.geometry?.type !== 'LineString') return null;
  return { key: keyOf(layerId, id), id, properties: feature.properties, geometry: feature.geometry };
}
