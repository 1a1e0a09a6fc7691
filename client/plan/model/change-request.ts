import type { UnsavedChange } from './edit-session.ts';
import type { SegmentDraft } from './segment-draft.ts';

/**
 * The body of POST /api/changes for the unsaved changes: deletions, then replacements (If-Match with the
 * ETag each feature was read with), then creations (a temporary id each, the key), so that new roads meet
 * the network as it will be. Pure.
 */

type FeatureBody = { type: 'Feature'; geometry: SegmentDraft['geometry']; properties: Record<string, unknown> };

export type ChangeItem =
  | { op: 'create'; layer: string; tempId: string; feature: FeatureBody }
  | { op: 'replace'; layer: string; id: number; ifMatch: string; feature: FeatureBody }
  | { op: 'delete'; layer: string; id: number; ifMatch: string };

export interface ChangeSetRequest {
  body: { reason?: string; changes: ChangeItem[] };
  /** The key of each change, in the body's order: the server names a failing change by its index. */
  keys: string[];
}

const ORDER: Record<UnsavedChange['kind'], number> = { delete: 0, update: 1, create: 2 };

/** The editable values of a draft: all of them for a replacement (null clears), only those set for a creation. */
function featureBody(draft: SegmentDraft, editableNames: readonly string[], isCreation: boolean): FeatureBody {
  const entries = editableNames.map((name) => [name, draft.properties[name] ?? null] as const).filter(([, value]) => !isCreation || value !== null);
  return { type: 'Feature', geometry: draft.geometry, properties: Object.fromEntries(entries) };
}

function etagOf(change: UnsavedChange): string {
  const etag = change.base?.etag;
  if (!etag) throw new Error(`no ETag for ${change.key}: read the feature before saving`);
  return etag;
}

export function buildChangeSet(changes: readonly UnsavedChange[], layerId: string, editableNames: readonly string[], reason?: string): ChangeSetRequest {
  const ordered = [...changes].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const items = ordered.map((change): ChangeItem => {
    if (change.kind === 'create') return { op: 'create', layer: layerId, tempId: change.key, feature: featureBody(change.draft!, editableNames, true) };
    const id = change.base!.draft.id!;
    if (change.kind === 'delete') return { op: 'delete', layer: layerId, id, ifMatch: etagOf(change) };
    return { op: 'replace', layer: layerId, id, ifMatch: etagOf(change), feature: featureBody(change.draft!, editableNames, false) };
  });
  return { body: { ...(reason ? { reason } : {}), changes: items }, keys: ordered.map((change) => change.key) };
}

/** The change and the rest of the pointer of a server issue (`/changes/2/feature/properties/width_m`). */
export function locateIssue(pointer: string): { index: number; rest: string } | null {
  const match = /^\/changes\/(\d+)(?:\/(?:feature|patch))?(.*)$/.exec(pointer);
  return match ? { index: Number(match[1]), rest: match[2] ?? '' } : null;
}
