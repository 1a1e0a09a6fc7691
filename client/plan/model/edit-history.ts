import type { SegmentDraft } from './segment-draft.ts';

/**
 * The undo history: a list of steps, each a set of feature changes (before and after). Undo applies a step
 * backwards, redo forwards, so no operation needs undo code of its own (iD's ARCHITECTURE.md, placemark's
 * moments). Pure values.
 */

/** One feature in one step: null before for a creation, null after for a deletion. */
export interface FeatureChange {
  key: string;
  before: SegmentDraft | null;
  after: SegmentDraft | null;
}

/** What a step did, for the list of unsaved changes and the undo button's title. */
export type StepKind = 'draw' | 'reshape' | 'move-junction' | 'split' | 'merge' | 'delete' | 'attributes' | 'resolve' | 'fix';

export interface EditStep {
  kind: StepKind;
  changes: readonly FeatureChange[];
}

export interface EditHistory {
  /** Steps done, oldest first. */
  done: readonly EditStep[];
  /** Steps undone, the next to redo last. */
  undone: readonly EditStep[];
}

export const EMPTY_HISTORY: EditHistory = { done: [], undone: [] };

/** The history after a new step: it can be undone; what was undone can no longer be redone. */
export function recordStep(history: EditHistory, step: EditStep): EditHistory {
  return { done: [...history.done, step], undone: [] };
}

/** The step to undo and the history after it, or null when there is nothing to undo. */
export function undoStep(history: EditHistory): { step: EditStep; history: EditHistory } | null {
  const step = history.done.at(-1);
  return step ? { step, history: { done: history.done.slice(0, -1), undone: [...history.undone, step] } } : null;
}

/** The step to redo and the history after it, or null when there is nothing to redo. */
export function redoStep(history: EditHistory): { step: EditStep; history: EditHistory } | null {
  const step = history.undone.at(-1);
  return step ? { step, history: { done: [...history.done, step], undone: history.undone.slice(0, -1) } } : null;
}

/** The features after applying a step forwards (`after`) or backwards (`before`). */
export function applyStep(
  features: ReadonlyMap<string, SegmentDraft | null>,
  step: EditStep,
  direction: 'forwards' | 'backwards',
): Map<string, SegmentDraft | null> {
  const next = new Map(features);
  const changes = direction === 'forwards' ? step.changes : [...step.changes].reverse();
  for (const change of changes) next.set(change.key, direction === 'forwards' ? change.after : change.before);
  return next;
}
