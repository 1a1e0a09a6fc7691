import type { EditStep } from './model/edit-history.ts';
import { isSameDraft, type SegmentDraft } from './model/segment-draft.ts';

/**
 * What a planner decides when someone saved the same segment first: keep his version (it will replace
 * theirs), take theirs (his changes to it are dropped), or merge field by field and pick one of the two
 * geometries. Nothing is overwritten without this choice. Pure.
 */
export type Resolution =
  | { kind: 'mine' }
  | { kind: 'theirs' }
  | { kind: 'merge'; fields: Readonly<Record<string, 'mine' | 'theirs'>>; geometry: 'mine' | 'theirs' };

/** The properties whose values differ between the two versions, in the given order. */
export function differingFields(mine: SegmentDraft, theirs: SegmentDraft, names: readonly string[]): string[] {
  return names.filter((name) => (mine.properties[name] ?? null) !== (theirs.properties[name] ?? null));
}

/** Which side each differing field, and the geometry, is on when the conflict screen opens. */
export interface MergeChoices {
  fields: Record<string, 'mine' | 'theirs'>;
  geometry: 'mine' | 'theirs';
}

/**
 * The choices a field-by-field merge starts from, as a three-way merge does: the planner's value where he
 * changed it since he read the segment, theirs where only they did. Without the version he started from,
 * everything starts on his side.
 */
export function initialChoices(base: SegmentDraft | null, mine: SegmentDraft, theirs: SegmentDraft, names: readonly string[]): MergeChoices {
  const side = (isMineChanged: boolean): 'mine' | 'theirs' => (base === null || isMineChanged ? 'mine' : 'theirs');
  const fields = Object.fromEntries(differingFields(mine, theirs, names).map((name) => [name, side((mine.properties[name] ?? null) !== (base?.properties[name] ?? null))]));
  return { fields, geometry: side(!isSameDraft({ ...mine, properties: {} }, base && { ...base, properties: {} })) };
}

/** The version a resolution gives (keeping the planner's key and id). */
export function resolvedDraft(mine: SegmentDraft, theirs: SegmentDraft, resolution: Resolution): SegmentDraft {
  if (resolution.kind === 'mine') return mine;
  if (resolution.kind === 'theirs') return { ...theirs, key: mine.key, id: mine.id };
  const properties = { ...theirs.properties };
  for (const [name, side] of Object.entries(resolution.fields)) if (side === 'mine') properties[name] = mine.properties[name] ?? null;
  return { ...mine, properties, geometry: resolution.geometry === 'mine' ? mine.geometry : theirs.geometry };
}

/** The history step from the planner's version to the resolved one (null when he keeps his). */
export function resolutionStep(mine: SegmentDraft | null, resolved: SegmentDraft | null, key: string): EditStep | null {
  if (mine === resolved) return null;
  return { kind: 'resolve', changes: [{ key, before: mine, after: resolved }] };
}
