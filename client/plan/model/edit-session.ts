import { applyStep, EMPTY_HISTORY, type EditHistory, type EditStep, recordStep, redoStep, undoStep } from './edit-history.ts';
import { isSameDraft, type SegmentDraft } from './segment-draft.ts';

/**
 * The editor's working set between two saves: the saved features it touched as the server had them
 * (`base`, with the ETag they were read with when known), its own version of each (`current`, null for a
 * deletion) and the history of steps. Saving sends the difference between the two as one change set.
 * Pure values: every function returns a new session.
 */

/** A saved feature as the server had it; `etag` is null for one known only from a list (read again on saving). */
export interface BaseFeature {
  draft: SegmentDraft;
  etag: string | null;
}

export interface EditSession {
  base: ReadonlyMap<string, BaseFeature>;
  current: ReadonlyMap<string, SegmentDraft | null>;
  history: EditHistory;
  /** The number of the next new feature's key (`new-<n>`), never reused in a page's life. */
  nextNewNumber: number;
}

export const EMPTY_SESSION: EditSession = { base: new Map(), current: new Map(), history: EMPTY_HISTORY, nextNewNumber: 1 };

/** One unsaved change, as the list of unsaved changes and the change set show it. */
export interface UnsavedChange {
  key: string;
  kind: 'create' | 'update' | 'delete';
  /** The session's version (null for a deletion). */
  draft: SegmentDraft | null;
  base: BaseFeature | null;
}

/**
 * Takes note of a saved feature as the server has it now, with its ETag. A feature the session already
 * holds keeps its base, unless the base lacked an ETag and the server still has the same content.
 */
export function rememberSaved(session: EditSession, draft: SegmentDraft, etag: string): EditSession {
  const known = session.base.get(draft.key);
  if (known && (known.etag !== null || !isSameDraft(known.draft, draft))) return session;
  const base = new Map(session.base);
  base.set(draft.key, { draft, etag });
  return { ...session, base };
}

/** A fresh key for a feature drawn in this session, and the session that will not give it again. */
export function takeNewKey(session: EditSession): [string, EditSession] {
  return [`new-${session.nextNewNumber}`, { ...session, nextNewNumber: session.nextNewNumber + 1 }];
}

/** The session after a step: saved features it touches for the first time join the base (as they were). */
export function perform(session: EditSession, step: EditStep): EditSession {
  const base = new Map(session.base);
  for (const change of step.changes) {
    if (change.before?.id != null && !base.has(change.key)) base.set(change.key, { draft: change.before, etag: null });
  }
  return { ...session, base, current: applyStep(session.current, step, 'forwards'), history: recordStep(session.history, step) };
}

/** The session with its last step undone (unchanged when there is none). */
export function undo(session: EditSession): EditSession {
  const undone = undoStep(session.history);
  return undone ? { ...session, current: applyStep(session.current, undone.step, 'backwards'), history: undone.history } : session;
}

/** The session with the last undone step done again (unchanged when there is none). */
export function redo(session: EditSession): EditSession {
  const redone = redoStep(session.history);
  return redone ? { ...session, current: applyStep(session.current, redone.step, 'forwards'), history: redone.history } : session;
}

/**
 * What saving would send: each feature whose current version differs from its base (new ones created,
 * deleted ones deleted; a new feature deleted again, or one changed and changed back, is no change).
 */
export function unsavedChanges(session: EditSession): UnsavedChange[] {
  const changes: UnsavedChange[] = [];
  for (const [key, draft] of session.current) {
    const base = session.base.get(key) ?? null;
    if (!base) {
      if (draft) changes.push({ key, kind: 'create', draft, base: null });
    } else if (!draft) {
      changes.push({ key, kind: 'delete', draft: null, base });
    } else if (!isSameDraft(draft, base.draft)) {
      changes.push({ key, kind: 'update', draft, base });
    }
  }
  return changes;
}

/**
 * The road network as the session sees it: the segments around (read from the server) with the session's
 * versions in their place, its deletions gone and its new segments added.
 */
export function networkOf(session: EditSession, around: readonly SegmentDraft[]): SegmentDraft[] {
  const network = new Map(around.map((draft) => [draft.key, draft] as const));
  for (const [key, draft] of session.current) {
    if (draft) network.set(key, draft);
    else network.delete(key);
  }
  return [...network.values()];
}

/** The session with one feature rebased on the server's current version (a resolved conflict). */
export function rebase(session: EditSession, key: string, theirs: BaseFeature): EditSession {
  const base = new Map(session.base);
  base.set(key, theirs);
  return { ...session, base };
}
